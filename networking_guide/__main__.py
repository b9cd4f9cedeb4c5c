from networking_guide.cli import run

run()
