import DVCheckCLI

DVCheckCommand.main()
