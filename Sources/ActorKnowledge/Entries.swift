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
    /// Every code by its name, for parsing (faster than `init(rawValue:)`, which compares the name with every
    /// case's in turn).
    static let byName: [String: RoleCode] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    case headOfState = "head_of_state", headOfGovernment = "head_of_government", vicePresident = "vice_president"
    case deputyHeadOfGovernment = "deputy_head_of_government", crownPrince = "crown_prince"
    case deputyCrownPrince = "deputy_crown_prince"
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

    /// First and last day as day numbers (see `dayNumber`), computed once for fast comparisons.
    public let fromDay: Int
    public let toDay: Int

    public init(code: RoleCode, place: String, from: PartialDate, to: PartialDate?) {
        self.code = code
        self.place = place
        self.from = from
        self.to = to
        fromDay = dayNumber(from.first)
        toDay = to.map { dayNumber($0.last) } ?? Int.max
    }

    /// Whether the role was held on `date` (`YYYY-MM-DD`).
    public func covers(_ date: String) -> Bool { covers(day: dayNumber(date)) }

    /// Whether the role was held on the day numbered `day`.
    @inline(__always)
    public func covers(day: Int) -> Bool { fromDay <= day && day <= toDay }

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
        guard let date else { return roles.sorted { $0.fromDay > $1.fromDay } }
        let day = dayNumber(date)
        return roles.filter { $0.covers(day: day) }.sorted { $0.fromDay > $1.fromDay }
    }

    /// The role that best describes the person on `date`: one held that day (the latest started), else the
    /// nearest in time; with no date, the latest started.
    /// - Complexity: O(r) in the person's roles, no allocation.
    public func primaryRole(at date: String?) -> Role? {
        guard let date else { return roles.max { $0.fromDay < $1.fromDay } }
        let day = dayNumber(date)
        var best: Role? = nil
        var bestKey = (Int.max, Int.max)
        for r in roles {
            let distance = r.covers(day: day) ? 0 : (day < r.fromDay ? r.fromDay - day : day - r.toDay)
            let key = (distance, -r.fromDay)
            if key < bestKey { bestKey = key; best = r }
        }
        return best
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

/// Day number of an ISO date `YYYY-MM-DD`, for comparisons and distances (not a calendar: months count
/// as 31 days, which orders dates correctly and is close enough to rank distances). 0 for malformed input.
public func dayNumber(_ iso: String) -> Int {
    var fields = [0, 0, 0]
    var f = 0
    for b in iso.utf8 {
        if b == UInt8(ascii: "-") {
            f += 1
            if f > 2 { return 0 }
        } else if b >= 48 && b <= 57 {
            fields[f] = fields[f] * 10 + Int(b - 48)
        } else {
            return 0
        }
    }
    return f == 2 ? fields[0] * 372 + fields[1] * 31 + fields[2] : 0
}

/// Event categories of the trigger lexicon, after CAMEO/PLOVER.
public enum TriggerCategory: String, Sendable, CaseIterable, Hashable {
    case consult, meet, visit, phoneCall = "phone_call", agree, cooperate, support, praise, mediate, aid, host, sign
    case ally, negotiate, appeal
    case criticize, deny, reject, accuse, condemn, threaten, sanction, veto, attack, protest, demand, expel, oppose
    case warn, blockade, fight

    /// Whether the category is cooperative (its intensities are positive).
    public var isCooperative: Bool {
        switch self {
        case .consult, .meet, .visit, .phoneCall, .agree, .cooperate, .support, .praise, .mediate, .aid, .host, .sign,
             .ally, .negotiate, .appeal:
            return true
        default:
            return false
        }
    }

    /// Whether the relation has a source and a target (X condemns Y) rather than being mutual (X and Y meet).
    public var isDirected: Bool {
        switch self {
        case .consult, .meet, .phoneCall, .agree, .cooperate, .sign, .ally, .negotiate, .fight: return false
        default: return true
        }
    }

    /// Whether what follows the trigger is its content rather than another relation (رفض التعاون: a refusal,
    /// not cooperation; اتهمه بدعم الإرهاب: an accusation, not support).
    public var embedsFollowing: Bool {
        switch self {
        case .reject, .deny, .oppose, .accuse, .condemn, .criticize, .warn, .demand, .protest: return true
        default: return false
        }
    }
}

/// A word or phrase that signals a relation, with its signed intensity on a −10…+10 scale.
public struct TriggerEntry: Sendable, Hashable {
    public var forms: [String]
    public var category: TriggerCategory
    public var intensity: Double
    public var kind: String
    public var origin: String
}
