import DVCheckCLI

DVCheckCommand.runMain()
