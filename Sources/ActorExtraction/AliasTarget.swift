import ActorKnowledge

/// What a lexicon phrase names.
public enum AliasTarget: Sendable, Hashable {
    /// `nameVariant`: the ـية spelling of a name in ـيا (سورية); taken only without the article, since
        /// السورية is the adjective.
        public enum StateForm: UInt8, Sendable, Hashable { case name, nameVariant, adjective, people, capital, institution }
    /// A state by name, adjective, capital or institution.
    case state(id: String, form: StateForm)
    /// A person by full name, or by short form (`ambiguous` short forms need context).
    case person(id: String, short: Bool, ambiguous: Bool)
    /// An organisation.
    case organization(id: String, short: Bool, ambiguous: Bool)
    /// A news medium: blocks recognition inside it, never an actor.
    case media(id: String)
    /// A title that introduces an official.
    case title(role: RoleCode, place: String?)
    /// A word that refers back to an earlier actor or helps title patterns (نظير، بلاد …).
    case cue(Cue)
    /// A stance trigger: index into the knowledge base's trigger list.
    case trigger(Int32)

    /// Whether this is a context cue.
    var isCue: Bool { if case .cue = self { return true } else { return false } }

    public enum Cue: UInt8, Sendable, Hashable {
        /// "his counterpart" (نظير/نظيره/نظيرها/نظيريه): same role as the person before, another state.
        case counterpart
        /// Generic official words (الوزير، المسؤول …) resolved by coreference with an adjective.
        case genericOfficial
        /// A preposition that makes a following capital a venue (في، إلى، من …).
        case venuePreposition
        /// A meeting noun that makes a following capital a venue (اجتماع موسكو، محادثات أستانا).
        case meetingNoun
        /// A noun after which a state adjective names the state as an actor (الجانب الروسي، الحكومة التركية).
        case institutionNoun
        /// A word after which an ambiguous short name is taken (نظام الأسد، الرئيس الأسد).
        case personContext
        /// A negation that reverses a following trigger (لم، لن، لا، ليس، عدم، دون).
        case negation
        /// A cancellation (إلغاء، تعليق، تجميد، وقف …): reverses a following trigger; cancelling a cooperative act
        /// (تعليق مشاركة، إلغاء زيارته، تجميد العلاقات) is a conflictual act of the same weight.
        case cancellation
        /// A verb of saying: an ambiguous short name next to it is a speaker (قال ولايتي، أكد هنية).
        case reportingVerb
        /// An ordinary word that would otherwise be read as an actor's name (بحماس: "with enthusiasm").
        case notActor
        /// "the Kingdom" (المملكة) standing alone: the kingdom named last in the document.
        case kingdom
        /// "the regime", "the government" (النظام، قوات النظام، الحكومة) standing alone: the state the document
        /// is about so far.
        case salientState
        /// A word that is a demand verb only in its construction (طالب X بـ…: "demanded that X …"; alone it is
        /// also "student").
        case demandConstruction
        /// A word that is "signed" only in its construction (وقع … اتفاقا: "signed an agreement"; alone وقع is
        /// also "occurred").
        case signConstruction
        /// A word that is "suspended" only in its construction (علّق … عضوية; alone علق is also "commented").
        case suspendConstruction
        /// "alongside" (إلى جانب) right between two actors: they are on one side.
        case alongside

        /// The cue for a kind named in `cues.tsv`.
        init?(_ name: String) {
            switch name {
            case "counterpart": self = .counterpart
            case "generic_official": self = .genericOfficial
            case "venue_preposition": self = .venuePreposition
            case "meeting_noun": self = .meetingNoun
            case "institution_noun": self = .institutionNoun
            case "person_context": self = .personContext
            case "negation": self = .negation
            case "cancellation": self = .cancellation
            case "reporting_verb": self = .reportingVerb
            case "kingdom": self = .kingdom
            case "salient_state": self = .salientState
            case "demand_construction": self = .demandConstruction
            case "sign_construction": self = .signConstruction
            case "suspend_construction": self = .suspendConstruction
            case "alongside": self = .alongside
            case "not_actor": self = .notActor

            default: return nil
            }
        }
    }

    var priority: Int {
        switch self {
        case .media: return 6
        case .person(_, let short, _): return short ? 3 : 5
        case .organization(_, let short, _): return short ? 3 : 4
        case .title: return 4
        case .state(_, let form): return form == .name ? 4 : 2
        case .cue, .trigger: return 1
        }
    }
}
