extension PlanMetric {
    /// The unit of the metric's figures as the report writes them: 亿元 for investment, else what is
    /// counted: 个 for projects and parks, 人 (persons) for secondments, 人次 (person-times) for
    /// training, in either direction, 项 for reform policies and 次 for meetings.
    public func unit(_ language: Language) -> String {
        switch (self, language) {
        case (.investmentSignedYuan, .zh), (.investmentCompletedYuan, .zh): "亿元"
        case (.investmentSignedYuan, .en), (.investmentCompletedYuan, .en): "100m yuan"
        case (.cadresSeconded, .zh), (.cadresSecondedToEast, .zh), (.cadresSecondedToNortheast, .zh): "人"
        case (.cadresSeconded, .en), (.cadresSecondedToEast, .en), (.cadresSecondedToNortheast, .en): "persons"
        case (.cadresTrained, .zh), (.cadresTrainedToEast, .zh), (.cadresTrainedToNortheast, .zh): "人次"
        case (.cadresTrained, .en), (.cadresTrainedToEast, .en), (.cadresTrainedToNortheast, .en): "person-times"
        case (.parksEstablished, .zh), (.projectsSigned, .zh), (.projectsStarted, .zh), (.projectsOperating, .zh): "个"
        case (.parksEstablished, .en): "parks"
        case (.projectsSigned, .en), (.projectsStarted, .en), (.projectsOperating, .en): "projects"
        case (.reformsCopied, .zh): "项"
        case (.reformsCopied, .en): "policies"
        case (.meetingsHeld, .zh): "次"
        case (.meetingsHeld, .en): "meetings"
        }
    }

    /// A target or actual figure with its unit: `12.50 亿元` for investment (given in yuan), `3 个`.
    public func valueText(_ value: Int64, _ language: Language) -> String {
        let number = isMoney ? MoneyText.yi(Money(uncheckedYuan: value)) : MoneyText.grouped(value)
        return number + " " + unit(language)
    }
}
