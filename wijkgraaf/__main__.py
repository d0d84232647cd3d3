from wijkgraaf.cli import main

main()
