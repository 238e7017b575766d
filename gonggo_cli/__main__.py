from gonggo_cli.main import app

app(prog_name="gonggo")
