from gonggo.cli.main import app

app(prog_name="gonggo")
