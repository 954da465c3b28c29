extension CommandRegistry {
    /// Every command of Tandem, in the order help lists them. Adding a command: one file under
    /// `Sources/Workbench/Commands/` and one line here (see Sources/Workbench/README.md).
    public static let standard = CommandRegistry([
        HelpCommand.self,
        AproposCommand.self,
        ListCommand.self,
        ShowCommand.self,
        ShowSettingsCommand.self,
        SetCommand.self,
        HistoryCommand.self,
        SaveCommand.self,
        RunCommand.self,
        TimerCommand.self,
        OutputCommand.self,
        SleepCommand.self,
        QuitCommand.self,
        LoadCommand.self,
        LsCommand.self,
        MakeShapesCommand.self,
        ExportCommand.self,
    ])
}
