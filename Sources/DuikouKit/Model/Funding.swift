#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a funding supports: one project, or a pairing as a whole.
public enum FundingRecipient: Sendable, Hashable {
    /// A cooperation project, by its id; the funding counts for the project's pairing.
    case project(UUID)
    /// A pairing, by its id.
    case pairing(String)
}

/// Funding (资金支持) to be recorded: an amount from one source, for a project or a pairing, on a date.
public struct NewFunding: Sendable, Hashable {
    /// The funding's id; a new random UUID unless given.
    public var id: UUID
    /// The project or the pairing it supports.
    public var recipient: FundingRecipient
    /// Where the money comes from.
    public var source: FundingSource
    /// How much; more than zero.
    public var amount: Money
    /// When it was granted, lent or invested.
    public var date: LocalDate
    /// A note, such as the programme or the lender.
    public var note: String?

    /// Creates a funding record.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for an amount of zero and refused text (a NUL
    ///   byte, more than 1 MiB), naming the field.
    public init(
        id: UUID = UUID(), recipient: FundingRecipient, source: FundingSource, amount: Money, date: LocalDate, note: String? = nil
    ) throws {
        guard amount.yuan > 0 else {
            throw DuikouError.invalid("amount", amount.description, "is zero; a funding is more than 0 元")
        }
        self.id = id
        if case .pairing(let pairing) = recipient {
            self.recipient = .pairing(pairing.trimmingSpaces())
        } else {
            self.recipient = recipient
        }
        self.source = source
        self.amount = amount
        self.date = date
        self.note = try optionalText(note, field: "note")
    }

    /// Creates a funding record for exactly one of a project and a pairing, as a form or a file row
    /// gives them.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when both or neither are given (field `project`),
    ///   and what ``init(id:recipient:source:amount:date:note:)`` refuses.
    public init(
        id: UUID = UUID(), project: UUID?, pairing: String?, source: FundingSource, amount: Money, date: LocalDate,
        note: String? = nil
    ) throws {
        let pairing = pairing.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        switch (project, pairing) {
        case (let project?, nil):
            try self.init(id: id, recipient: .project(project), source: source, amount: amount, date: date, note: note)
        case (nil, let pairing?):
            try self.init(id: id, recipient: .pairing(pairing), source: source, amount: amount, date: date, note: note)
        case (_?, _?):
            throw DuikouError(.invalidInput, "project: a funding supports either a project or a pairing, not both", field: "project")
        case (nil, nil):
            throw DuikouError(.invalidInput, "project: a funding needs the project or the pairing it supports", field: "project")
        }
    }
}

/// Recorded funding.
public struct Funding: Sendable, Hashable {
    /// The funding's id.
    public let id: UUID
    /// The project it supports, or `nil` when it supports a pairing as a whole.
    public let project: UUID?
    /// The title of the project it supports, as tables show it; `nil` for a pairing's funding.
    public let projectTitle: String?
    /// The pairing it counts for: the pairing it supports, or the project's pairing.
    public let pairing: String
    /// Where the money comes from.
    public let source: FundingSource
    /// How much.
    public let amount: Money
    /// When it was granted.
    public let date: LocalDate
    /// A note.
    public let note: String?

    /// The project or the pairing it supports.
    public var recipient: FundingRecipient { project.map(FundingRecipient.project) ?? .pairing(pairing) }
}

/// Where funding comes from.
public enum FundingSource: String, Keyword {
    /// 中央预算内投资: the central government's budgetary investment.
    case centralBudget = "central-budget"
    /// 专项资金: a special fund (专项资金, 专项债).
    case specialFund = "special-fund"
    /// 银行贷款: bank loans.
    case bankLoan = "bank-loan"
    /// 社会资本: private capital.
    case privateCapital = "private"
    /// 其他: any other source.
    case other

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .centralBudget: "中央预算内投资"
        case .specialFund: "专项资金"
        case .bankLoan: "银行贷款"
        case .privateCapital: "社会资本"
        case .other: "其他"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// `中央预算内`, `专项`, `贷款` and `社会投资` are accepted too.
    public static var synonyms: [String: FundingSource] {
        ["中央预算内": .centralBudget, "专项": .specialFund, "贷款": .bankLoan, "社会投资": .privateCapital]
    }
}
