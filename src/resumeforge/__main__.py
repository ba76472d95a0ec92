from resumeforge.cli import main

main()
