// WFCommands
