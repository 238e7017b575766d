from gonggo.cli.entry import main

main()
