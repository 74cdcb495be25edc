import WFCommands

WFMain.main()
