/// A state: ISO code, names, adjectives, capital and institutions.
public struct StateEntry: Sendable, Hashable {
    public var id: String
    public var nameEn: String
    public var namesAr: [String]
    public var adjectivesAr: [String]
    public var capitalAr: [String]
    public var institutionsAr: [String]
    public var memberOf: [String]
    /// Where it was defined (`file:line`).
    public var origin: String
}

/// A short form of a name; `ambiguous` ones only count after the full name or title appeared.
public struct ShortForm: Sendable, Hashable {
    public var text: String
    public var ambiguous: Bool
}

/// The offices a person can hold.
public enum RoleCode: String, Sendable, CaseIterable, Hashable {
    case headOfState = "head_of_state", headOfGovernment = "head_of_government", vicePresident = "vice_president"
    case deputyHeadOfGovernment = "deputy_head_of_government", crownPrince = "crown_prince"
    case supremeLeader = "supreme_leader", foreignMinister = "foreign_minister"
    case deputyForeignMinister = "deputy_foreign_minister", defenceMinister = "defence_minister"
    case interiorMinister = "interior_minister", minister, mfaSpokesperson = "mfa_spokesperson"
    case presidentialSpokesperson = "presidential_spokesperson", governmentSpokesperson = "government_spokesperson"
    case militarySpokesperson = "military_spokesperson", intelligenceChief = "intelligence_chief"
    case nationalSecurityAdvisor = "national_security_advisor", securityCouncilSecretary = "security_council_secretary"
    case chiefOfStaff = "chief_of_staff", speaker, envoy, ambassador, unRepresentative = "un_representative"
    case advisor, negotiator, secretaryGeneral = "secretary_general", deputySecretaryGeneral = "deputy_secretary_general"
    case highRepresentative = "high_representative", commissionPresident = "commission_president"
    case councilPresident = "council_president", specialEnvoy = "special_envoy", leader, spokesperson, commander

    /// Whether one person holds this office for a state or organisation at a time, so that an unnamed title
    /// ("وزير الخارجية الإيراني") can be resolved by date. Ministers in general, envoys, ambassadors,
    /// advisers, deputies, commanders and spokespeople of organisations come many at a time.
    public var isSingleHolder: Bool {
        switch self {
        case .minister, .envoy, .ambassador, .advisor, .negotiator, .deputyForeignMinister, .deputySecretaryGeneral,
             .specialEnvoy, .leader, .spokesperson, .commander, .vicePresident, .deputyHeadOfGovernment:
            return false
        default:
            return true
        }
    }
}

/// One office held by a person for a time.
public struct Role: Sendable, Hashable {
    public var code: RoleCode
    /// A state id (ISO alpha-3) or an organisation id.
    public var place: String
    public var from: PartialDate
    /// `nil`: still in office.
    public var to: PartialDate?

    /// Whether the role was held on `date` (`YYYY-MM-DD`).
    public func covers(_ date: String) -> Bool {
        from.first <= date && (to.map { date <= $0.last } ?? true)
    }

    /// Days-ish distance (as a comparable key) from `date` to the role's period; 0 when covered.
    func distance(to date: String) -> Int {
        if covers(date) { return 0 }
        let d = dayNumber(date)
        if date < from.first { return dayNumber(from.first) - d }
        return d - dayNumber(to?.last ?? date)
    }
}

/// A person: names, short forms and offices.
public struct OfficialEntry: Sendable, Hashable {
    public var id: String
    public var nameEn: String
    public var namesAr: [String]
    public var shortAr: [ShortForm]
    public var roles: [Role]
    public var origin: String

    /// The roles held on `date`, most recently started first; with no date, the most recent roles.
    public func roles(at date: String?) -> [Role] {
        guard let date else { return roles.sorted { $0.from.first > $1.from.first } }
        return roles.filter { $0.covers(date) }.sorted { $0.from.first > $1.from.first }
    }

    /// The role that best describes the person on `date`: one held that day, else the nearest in time.
    public func primaryRole(at date: String?) -> Role? {
        if let r = roles(at: date).first { return r }
        guard let date else { return nil }
        return roles.min { ($0.distance(to: date), $1.from.first) < ($1.distance(to: date), $0.from.first) }
    }
}

/// Organisation kinds.
public enum OrganizationKind: String, Sendable, CaseIterable, Hashable {
    case intergovernmental, unBody = "un_body", armedGroup = "armed_group", political, opposition, militia
}

/// An organisation: intergovernmental, UN body or non-state actor.
public struct OrganizationEntry: Sendable, Hashable {
    public var id: String
    public var nameEn: String
    public var namesAr: [String]
    public var shortAr: [ShortForm]
    public var kind: OrganizationKind
    public var country: String?
    public var parent: String?
    public var origin: String
}

/// A news medium: a source, never an actor.
public struct MediaEntry: Sendable, Hashable {
    public var id: String
    public var nameEn: String
    public var namesAr: [String]
    public var kind: String
    public var country: String?
    public var origin: String
}

/// A title phrase that introduces an official.
public struct TitleEntry: Sendable, Hashable {
    public var titleAr: String
    public var role: RoleCode
    /// An organisation id the title implies, if any.
    public var place: String?
    public var origin: String
}

/// Day number of an ISO date, for distances (not a calendar: months are 31 days, which is enough to rank).
func dayNumber(_ iso: String) -> Int {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3 else { return 0 }
    return p[0] * 372 + p[1] * 31 + p[2]
}
