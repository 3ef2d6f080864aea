import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorKnowledge
import Testing

@testable import ActorPipeline

let recognizer = Recognizer(knowledge: try! KnowledgeBase.bundled())
let seedsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds").path

func stateGraph(_ text: String, date: String = "2016-12-01") -> RelationGraph {
    GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state))
        .graph(for: Document(id: "t", text: text, date: date, origin: "test"))
}

func edge(_ g: RelationGraph, _ a: String, _ b: String) -> Edge? { g.edge(EdgeKey(source: a, target: b)) }

@Suite("Relations and stance")
struct StanceTests {
    @Test("Cooperative trigger families give a cooperative edge", arguments: [
        "بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره الإيراني محمد جواد ظريف الأزمة السورية.",  // consult
        "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سوتشي.",  // meet
        "أجرى لافروف اتصالا هاتفيا مع نظيره التركي مولود جاويش أوغلو.",  // phone call
        "اتفقت روسيا وتركيا على وقف إطلاق النار في حلب.",  // agree
        "تدعم موسكو الحكومة السورية في حربها على الإرهاب.",  // support
        "أشادت الخارجية الإيرانية بالموقف الروسي.",  // praise
    ])
    func cooperative(sentence: String) throws {
        let g = stateGraph(sentence)
        let e = try #require(g.edges.first, "no edge in: \(sentence)")
        #expect(e.stance > 0, "\(sentence): stance \(e.stance)")
    }

    @Test("A long list is an enumeration: its members are not made allies by the sentence's act; three acting together are")
    func enumerationsAreNotAlliances() throws {
        let long = stateGraph("واستنكرت دول مصر، والأردن، وتونس، والإمارات، والبحرين الجريمة الإرهابية التي استهدفت السعودية.")
        let members = ["EGY", "JOR", "TUN", "ARE", "BHR"]
        for (i, a) in members.enumerated() {
            for b in members[(i + 1)...] {
                // No word relates two members: they share only the list, and get no edge at all.
                #expect(edge(long, a, b) == nil, "\(a)–\(b): \(edge(long, a, b)?.stance ?? 0)")
            }
            #expect(try #require(edge(long, a, "SAU")).stance < 0, "\(a)–SAU")
        }
        let three = stateGraph("وأدانت روسيا والصين وإيران الغارات الأمريكية على سوريا.")
        #expect((edge(three, "RUS", "CHN")?.stance ?? 0) > 0)
    }

    @Test("A word between two actors with another actor nearer on each side relates the nearer two; a list is one side")
    func nearerActorsTakeTheWord() throws {
        let g = stateGraph("وقالت مصر إن روسيا تدعم سوريا بحسب تركيا.")
        #expect(try #require(edge(g, "RUS", "SYR")).stance > 0)
        let outer = try #require(edge(g, "EGY", "TUR"))
        #expect(outer.cooperation == 0 && outer.conflict == 0)
        // The members of a list on either side are that side: each of the three fights each of the two.
        let lists = stateGraph("وأكدت موسكو وطهران وأنقرة عزمها محاربة تنظيم داعش وجبهة النصرة بشكل مشترك.")
        #expect((lists.edge(EdgeKey(source: "RUS", target: "hts"))?.stance ?? 0) < 0)
    }

    @Test("An official and the state or organisation they speak for get no edge; each keeps its edges with the other side")
    func affiliationIsNoRelation() {
        let g = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all)).graph(for: Document(
            id: "t", text: "بحث وزير الخارجية المصري سامح شكري مع نظيره الروسي سيرغي لافروف العلاقات بين مصر وروسيا.",
            date: "2016-12-01", origin: "test"))
        #expect(edge(g, "sameh-shoukry", "EGY") == nil)
        #expect(edge(g, "sergey-lavrov", "RUS") == nil)
        #expect(edge(g, "sameh-shoukry", "sergey-lavrov") != nil)
        #expect(edge(g, "sameh-shoukry", "RUS") != nil)
        #expect(edge(g, "EGY", "RUS") != nil)
        // The Secretary-General and the UN are one side; he and Syria are not.
        let un = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all)).graph(for: Document(
            id: "t", text: "دعا الأمين العام للأمم المتحدة بان كي مون الحكومة السورية إلى احترام قرارات الأمم المتحدة.",
            date: "2016-12-01", origin: "test"))
        #expect(edge(un, "ban-ki-moon", "un") == nil)
        #expect(edge(un, "ban-ki-moon", "SYR") != nil)
    }

    @Test("Conflictual trigger families give a conflictual edge", arguments: [
        "أدانت تركيا الغارات الروسية على المدنيين.",  // condemn
        "استخدمت روسيا حق النقض ضد مشروع القرار الفرنسي في مجلس الأمن.",  // veto
        "فرضت الولايات المتحدة عقوبات جديدة على إيران.",  // sanction
        "هددت إيران إسرائيل برد قاس.",  // threaten
        "وتعتبر إيران الولايات المتحدة عدوها الأول في المنطقة.",  // adversary
        "انتقد وزير الخارجية التركي الموقف الأمريكي.",  // criticize
        "رفضت روسيا المشروع الفرنسي.",  // reject
    ])
    func conflictual(sentence: String) throws {
        let g = stateGraph(sentence)
        let e = try #require(g.edges.first { $0.stance != 0 }, "no edge with stance in: \(sentence)")
        #expect(e.stance < 0, "\(sentence): stance \(e.stance)")
    }

    @Test("Declining to comment, subsidies and students are no acts: no stance (sentences from 2015 Saudi papers)", arguments: [
        "ورفضت متحدثة باسم مكتب رئاسة الوزراء البريطانية التعليق على هذه المعلومات، مشيرة إلى أن كاميرون سيعلن موعد الاستفتاء.",
        "والإمارات، التي اتخذت أولى خطوات إصلاح دعم الوقود في دول مجلس التعاون، تنفق نحو 7 مليارات دولار سنويا على دعم الطاقة.",
        "وتعد الصين من أول مقدمي دعم الطاقة بالقيمة الدولارية، وأوكرانيا من حيث النسبة المئوية من الناتج المحلي.",
        "وسجلت فنزويلا أربعين طالباً من الأردن في جامعاتها هذا العام.",  // طالبا: a student, not "demanding"
    ])
    func noActNoStance(sentence: String) {
        let g = stateGraph(sentence, date: "2015-07-25")
        #expect(g.edges.allSatisfy { $0.stance == 0 }, "\(sentence): \(g.edges.map { ($0.source, $0.target, $0.stance) })")
    }

    @Test("A catalogue of seven or more states relates none of them; a group of six acting together stays related")
    func cataloguesAreNotRelations() {
        // A Hajj health notice (2015 Saudi papers): countries where a vaccine is required.
        let notice = stateGraph("والدول التي يشترط تطعيم القادمين منها هي السودان وتشاد والنيجر ونيجيريا والكاميرون وغانا وإثيوبيا وكينيا.",
                                date: "2015-07-25")
        #expect(notice.edges.isEmpty, "\(notice.edges.map { ($0.source, $0.target) })")
        let talks = stateGraph("واتفقت الولايات المتحدة وروسيا والصين وبريطانيا وفرنسا وألمانيا مع إيران على الاتفاق النووي.", date: "2015-07-25")
        #expect(talks.edges.count >= 15, "\(talks.edges.count) edges")
    }

    @Test("A catalogue written with dashes, or cut by a name the knowledge base does not know, relates none of its members")
    func dashedAndInterruptedCatalogues() throws {
        // A Hajj health notice (2015 Saudi papers), its list set off by dashes; بنين (Benin) is not recognised (it
        // is also "boys"), and the list goes on past it.
        let notice = stateGraph("وبيّن أن الدول الموبوءة بالحمى الصفراء هي: أنجولا - بنين - السودان- جنوب السودان- السنغال - بوركينا فاسو - الكاميرون- بورندي- تشاد – أوغندا.",
                                date: "2015-07-25")
        #expect(notice.edges.isEmpty, "\(notice.edges.map { ($0.source, $0.target) })")
        // From a 2015 Saudi paper: the countries of Chinese oil stakes.
        let stakes = stateGraph("وامتلكت الشركات النفطية الصينية حصصا كبيرة في دول الكاميرون وكندا وكازاخستان وقيرغيزستان والعراق ونيجيريا وساو تومي وبرينسيبي والسودان وأوغندا والولايات المتحدة وفنزويلا.",
                                date: "2015-07-25")
        #expect(stakes.edges.filter { $0.source != "CHN" && $0.target != "CHN" }.isEmpty, "\(stakes.edges.map { ($0.source, $0.target) })")
        // The same list cut in two by a name nobody knows: the members of its first seven relate to nothing.
        let cut = stateGraph("وامتلكت الشركات حصصا كبيرة في دول الكاميرون وكندا وكازاخستان وقيرغيزستان والعراق ونيجيريا وغانا وتوفالولاند والسودان وأوغندا.",
                             date: "2015-07-25")
        #expect(edge(cut, "CMR", "SDN") == nil && edge(cut, "CAN", "UGA") == nil && edge(cut, "GHA", "SDN") == nil,
                "\(cut.edges.map { ($0.source, $0.target) })")
        // A pair joined by a dash is coordinated: one side.
        let pair = stateGraph("وأعلنت روسيا - الصين رفضهما للعقوبات الأمريكية.", date: "2015-07-25")
        #expect(try #require(edge(pair, "CHN", "RUS")).stance > 0)
    }

    @Test("Members of a list of four or more that no word relates share the list only: no edge; a mutual act still relates them")
    func unrelatedListsGiveNoEdges() throws {
        // A World Cup qualifying draw (2015 Saudi papers).
        let draw = stateGraph("المجموعة الأولى: هولندا، وفرنسا، والسويد، وبلغاريا، وبيلاروسيا، ولوكسمبورغ.", date: "2015-07-26")
        #expect(draw.edges.isEmpty, "\(draw.edges.map { ($0.source, $0.target) })")
        let agreed = stateGraph("واتفقت روسيا وإيران وتركيا وسوريا على وقف إطلاق النار في حلب.", date: "2016-12-30")
        #expect(try #require(edge(agreed, "RUS", "TUR")).stance > 0)
    }

    @Test("A verb after a relative pronoun has the actor before the pronoun as its subject, not one named earlier")
    func relativeClauseSubject() throws {
        // From a 2015 Saudi paper: Nigeria's president warned the United States; Cameroon is not part of it.
        let g = stateGraph("وقتل أكثر من 50 شخصا في هجمات لحركة بوكو حرام في الكاميرون ونيجيريا، التي حذر رئيسها الولايات المتحدة من أن سياستها تضر بالجهود.",
                           date: "2015-07-25")
        #expect(try #require(edge(g, "NGA", "USA")).stance < 0)
        #expect(edge(g, "CMR", "USA")?.evidence.allSatisfy { $0.trigger != "حذر" } ?? true)
        #expect(try #require(edge(g, "NGA", "USA")).evidence.contains { $0.trigger == "حذر" })
        // A dual pronoun stands for both: they acted together.
        let both = stateGraph("وقالت الصحيفة إن روسيا وإيران اللتين تدعمان النظام السوري ستواصلان ذلك.", date: "2016-02-05")
        #expect(try #require(edge(both, "RUS", "SYR")).stance > 0)
        #expect(try #require(edge(both, "IRN", "SYR")).stance > 0)
    }

    @Test("A refusal of an act, and support for an actor, keep their stance")
    func refusalAndSupportStillCount() throws {
        #expect(try #require(edge(stateGraph("رفضت روسيا التعليق الأمريكي على الغارات ورفضت المشروع الفرنسي."), "FRA", "RUS")).stance < 0)
        #expect(try #require(edge(stateGraph("أعلنت الولايات المتحدة دعم الحكومة العراقية في حربها."), "IRQ", "USA")).stance > 0)
    }

    @Test("An accusation relates accuser and accused; its content relates the accused and its object")
    func accusationContent() throws {
        let g = stateGraph("اتهمت واشنطن موسكو بدعم نظام الأسد.")
        #expect(try #require(edge(g, "RUS", "USA")).stance < 0)
        #expect(try #require(edge(g, "RUS", "SYR")).stance > 0)
        #expect(try #require(edge(g, "SYR", "USA")).stance < 0)
        let implicit = stateGraph("وقالت المندوبة الأميركية سوزان رايس إن المجلس فشل، واتهمت موسكو وبكين بحماية نظام الأسد.", date: "2012-07-20")
        #expect(try #require(edge(implicit, "RUS", "SYR")).stance > 0)
    }

    @Test("Negation reverses a trigger: لم تتفق is not agreement")
    func negation() throws {
        let g = stateGraph("لم تتفق روسيا وتركيا على مصير حلب.")
        let e = try #require(edge(g, "RUS", "TUR"))
        #expect(e.stance < 0)
    }

    @Test("A refusal carries the stance of what it refuses: رفض التعاون")
    func refusal() throws {
        let g = stateGraph("رفضت تركيا التعاون مع روسيا في هذا الملف.")
        let e = try #require(edge(g, "RUS", "TUR"))
        #expect(e.stance < 0)
    }

    @Test("\"Any agreement\" is hypothetical: it relates no one (ترحب بأي اتفاق يمنع إيران، لن تعترف بأي اتفاقات)")
    func hypothetical() throws {
        let welcome = stateGraph("قال وزير الخارجية السعودي عادل الجبير إن المملكة العربية السعودية ترحب بأي اتفاق يمنع إيران من امتلاك السلاح النووي.", date: "2015-07-20")
        // Only the welcome counts, weakly (its object is a thing, not Iran); the "agreement" not at all.
        let e = try #require(edge(welcome, "IRN", "SAU"))
        #expect(e.cooperation < 1.5, "cooperation \(e.cooperation)")
        #expect(e.evidence.first?.trigger != "اتفاق")
        let refuse = stateGraph("أعلن الرئيس الأوكراني فلاديمير زيلينسكي أن كييف لن تعترف بأي اتفاقات بين روسيا والولايات المتحدة.", date: "2025-02-18")
        #expect((edge(refuse, "RUS", "UKR")?.cooperation ?? 0) < 1)
        // Refusing "any cooperation" is still a refusal: the conflict stands.
        let refusal = stateGraph("رفضت تركيا أي تعاون مع روسيا في هذا الملف.")
        #expect(try #require(edge(refusal, "RUS", "TUR")).stance < 0)
        // The same noun without أي still relates the two.
        let agreed = stateGraph("وقعت روسيا اتفاقية مع إيران لتوريد منظومة إس-300.", date: "2016-04-11")
        #expect(try #require(edge(agreed, "IRN", "RUS")).stance > 0)
    }

    @Test("A hostile noun in construct with two coordinated actors is their act with each other, not a common enemy")
    func constructNounOfAPair() throws {
        let war = stateGraph("اندلعت حرب إيران والعراق عام 1980 واستمرت ثماني سنوات.", date: "2015-07-20")
        #expect(try #require(edge(war, "IRN", "IRQ")).stance < 0)
        // Outside the construct, a fight named with the two is against someone else: they are aligned.
        let allies = stateGraph("روسيا والولايات المتحدة تقتربان من محاربة المسلحين في سوريا.", date: "2015-10-01")
        #expect(try #require(edge(allies, "RUS", "USA")).stance > 0)
    }

    @Test("A contrast clause cuts the link between its two sides")
    func contrast() throws {
        let g = stateGraph("دعمت روسيا الحكومة السورية، بينما طالبت الولايات المتحدة برحيل الأسد.")
        let cut = try #require(edge(g, "RUS", "USA"))
        #expect(cut.stance == 0)
        #expect(try #require(edge(g, "RUS", "SYR")).stance > 0)
    }

    @Test("Direction follows word order: the subject is the source", arguments: [
        ("هاجمت تركيا مواقع قوات سوريا الديمقراطية.", "TUR", "sdf"),  // VSO
        ("موسكو تدعم دمشق في مجلس الأمن.", "RUS", "SYR"),  // SVO
        ("أدانت السعودية الهجوم الإيراني على السفن.", "SAU", "IRN"),
    ])
    func direction(sentence: String, source: String, target: String) throws {
        let g = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all))
            .graph(for: Document(id: "t", text: sentence, date: "2019-01-01", origin: "test"))
        let e = try #require(edge(g, source, target), "\(g.edges.map { "\($0.source)-\($0.target)" })")
        #expect(e.directed)
        #expect(e.source == source && e.target == target)
    }

    @Test("Actors coordinated under a directed trigger are aligned, not opposed")
    func coordinatedAreAligned() throws {
        let g = stateGraph("استخدمت روسيا والصين حق النقض ضد مشروع القرار.")
        let e = try #require(edge(g, "CHN", "RUS"))
        #expect(e.stance > 0)
        #expect(e.evidence.first?.category == "aligned")
    }

    @Test("Places listed after في are where something happens, not two actors on one side")
    func placeListIsNotAlignment() throws {
        let g = stateGraph("تمكن تنظيم داعش من خوض حروب دامية في العراق وسوريا، ونفذ أعمال قتل وتخريب.", date: "2015-07-20")
        let e = try #require(edge(g, "IRQ", "SYR"))
        #expect(e.evidence.first?.category != "aligned")
        #expect(e.cooperation == 0 && e.conflict == 0, "cooperation \(e.cooperation), conflict \(e.conflict)")
        // Nor are the places of an attack its parties; a third place in the list is no different.
        let strikes = stateGraph("شنت طائرات التحالف غارات جوية على مواقع التنظيم في العراق وسوريا وليبيا.", date: "2015-07-20")
        for (a, b) in [("IRQ", "SYR"), ("LBY", "SYR"), ("IRQ", "LBY")] {
            let found = try #require(edge(strikes, a, b), "\(a)–\(b)")
            #expect(found.cooperation == 0 && found.conflict == 0, "\(a)–\(b): \(found.cooperation) / \(found.conflict)")
        }
        // Without في the two are one side of the act.
        let agents = stateGraph("استخدمت روسيا والصين حق النقض ضد مشروع القرار.")
        #expect(try #require(edge(agents, "CHN", "RUS")).evidence.first?.category == "aligned")
    }

    @Test("ثم and أو join a list: the co-targets of an attack are aligned, each attacked")
    func thenAndOrJoinLists() throws {
        let g = stateGraph("اجتاحت ألمانيا بولندا ثم فرنسا في الحرب العالمية الثانية.", date: "2015-07-20")
        #expect(try #require(edge(g, "FRA", "POL")).evidence.first?.category == "aligned")
        #expect(try #require(edge(g, "DEU", "FRA")).stance < 0)
        #expect(try #require(edge(g, "DEU", "POL")).stance < 0)
    }

    @Test("Chained adjectives that agree in gender are a list; an adjective then a state's name is not")
    func chainedAdjectivesAgree() throws {
        let list = stateGraph("وندد البيان بالقصف الجوي الذي تنفذه القوات الروسية السورية المشتركة على حلب.")
        #expect(try #require(edge(list, "RUS", "SYR")).evidence.first?.category == "aligned")
        let object = stateGraph("طالب وزير الخارجية الإيراني السعودية بوقف الغارات على اليمن فورا.", date: "2015-04-01")
        #expect(try #require(edge(object, "IRN", "SAU")).evidence.first?.category != "aligned")
    }

    @Test("People who speak for an organisation go where the organisation goes at state level")
    func organisationOfficialsFollowTheirOrganisation() throws {
        let text = "وتوعد المتحدث العسكري باسم الحوثيين يحيى سريع السعودية بعمليات أوسع."
        func ids(_ mode: OrganizationPolicy) -> Set<String> {
            let g = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state, organizations: mode))
                .graph(for: Document(id: "t", text: text, date: "2021-03-01", origin: "test"))
            return Set(g.nodes.map(\.id))
        }
        #expect(ids(.keep) == ["houthis", "SAU"])
        #expect(ids(.fold) == ["YEM", "SAU"])
        #expect(ids(.drop) == ["SAU"])
    }

    @Test("A trigger whose object is not an actor counts less than one that governs the other actor")
    func triggersThatGovernTheActorWeighMore() throws {
        // دعمها القرار: support for a resolution, not for Syria; ينتقد الحكومة السورية: criticism of Syria.
        let g = stateGraph("وأعلنت واشنطن دعمها القرار الذي ينتقد الحكومة السورية بشدة.")
        let e = try #require(edge(g, "SYR", "USA"))
        #expect(e.stance < 0)
        #expect(e.evidence.first?.category == "criticize")
    }

    @Test("Mediation relates the mediator cooperatively to both parties, and the parties as in dispute")
    func mediationPresupposesADispute() throws {
        let g = stateGraph("وأعلنت قطر أنها تواصل وساطتها بين الولايات المتحدة وإيران لتبادل السجناء.")
        #expect(try #require(edge(g, "IRN", "USA")).stance < 0)
        #expect(try #require(edge(g, "QAT", "USA")).stance > 0)
        #expect(try #require(edge(g, "IRN", "QAT")).stance > 0)
    }

    @Test("A sentence with no word relating a pair takes, weakly, the sign the article gives the pair elsewhere")
    func sentencesWithoutTriggerTakeTheArticlesSign() throws {
        let g = stateGraph("""
            أدانت تركيا بشدة الغارات الروسية على ريف إدلب.             وقالت أنقرة إن موسكو أرسلت طائرات إضافية إلى المنطقة.
            """)
        let e = try #require(edge(g, "RUS", "TUR"))
        let second = try #require(e.evidence.first { $0.sentence == 1 })
        #expect(second.category == "context")
        #expect((second.score ?? 0) < 0)
        #expect(abs(second.score ?? 0) < abs(e.evidence.first { $0.sentence == 0 }?.score ?? 0))
    }

    @Test("Criticising the agreement with Iran is a conflict with Iran: the agreement is what the criticism is about")
    func definiteNounIsTheTopic() throws {
        let g = stateGraph("انتقدت إسرائيل بشدة الاتفاق مع إيران.", date: "2015-07-15")
        let e = try #require(edge(g, "IRN", "ISR"))
        #expect(e.stance < 0, "\(e.evidence)")
    }

    @Test("A definite noun trigger is the topic and counts less than the verb: meeting to discuss the war is cooperation")
    func definiteNounCountsLessThanTheVerb() throws {
        let g = stateGraph("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو لبحث الحرب.")
        let e = try #require(edge(g, "RUS", "TUR"))
        #expect(e.stance > 0, "\(e.evidence)")
    }

    @Test("طالب followed by an actor and بـ is a demand: Iran demanding that Saudi Arabia stop its raids is conflict")
    func demandByConstruction() throws {
        let g = stateGraph("طالب وزير الخارجية الإيراني السعودية بالوقف الفوري للغارات على اليمن.", date: "2015-04-01")
        let e = try #require(edge(g, "IRN", "SAU"))
        #expect(e.stance < 0, "\(e.evidence)")
        // "طالب" as a noun (a student) is no trigger.
        let student = stateGraph("حصل طالب سعودي على منحة للدراسة في الولايات المتحدة.")
        #expect(student.edges.allSatisfy { $0.evidence.allSatisfy { $0.trigger != "طالب" } })
    }

    @Test("ضد before an actor is opposition: calling for measures against Israel is conflict with Israel")
    func againstAnActorIsOpposition() throws {
        let g = stateGraph("ودعا وزير الخارجية الإيراني الدول الإسلامية إلى اتخاذ إجراءات عملية ضد إسرائيل.", date: "2025-06-01")
        let e = try #require(edge(g, "IRN", "ISR"))
        #expect(e.stance < 0, "\(e.evidence)")
    }

    @Test("Cancelling a cooperative act is a conflict as strong as the act: suspending Syria's participation")
    func cancellingCooperationIsConflict() throws {
        let g = stateGraph("قرر مجلس جامعة الدول العربية في اجتماع طارئ بالقاهرة تعليق مشاركة وفود سورية في اجتماعات الجامعة.",
                           date: "2011-11-13")
        let e = try #require(edge(g, "SYR", "arab-league"))
        #expect(e.stance < 0, "\(e.evidence)")
    }

    @Test("A cancelling verb reverses the act after it (علقت الهند محادثات), but not when it means commenting (علق على)")
    func cancellingVerbs() throws {
        // From a 2015 Saudi paper.
        let suspended = stateGraph("وعلقت الهند محادثات التجارة الحرة مع الاتحاد الأوروبي بسبب قرار الاتحاد حظر بيع نحو 700 منتج هندي في أسواقه.",
                                   date: "2015-07-25")
        #expect(try #require(edge(suspended, "IND", "eu")).stance < 0)
        let cancelled = stateGraph("وألغت روسيا زيارة وزير الخارجية التركي إلى موسكو.", date: "2015-11-25")
        #expect(try #require(edge(cancelled, "RUS", "TUR")).stance < 0)
        let commented = stateGraph("وعلقت الهند على محادثات التجارة الحرة مع الاتحاد الأوروبي.", date: "2015-07-25")
        #expect(try #require(edge(commented, "IND", "eu")).stance > 0)
    }

    @Test("A trigger with a pronoun enclitic is the act of somebody named before it: it does not relate two actors after it")
    func possessedTriggerLooksBack() throws {
        // From a 2015 Saudi paper: China's dispute with Japan, not Japan's with the states named after it.
        let g = stateGraph("وأصبحت الصين أكثر حزما في نزاعها مع اليابان بشأن مجموعة من الجزر، وتقوم باستصلاح أراض في المياه التي تطالب كل من فيتنام والفلبين بالسيادة عليها.",
                           date: "2015-07-25")
        #expect(try #require(edge(g, "CHN", "JPN")).stance < 0)
        #expect(edge(g, "JPN", "VNM")?.evidence.allSatisfy { $0.trigger != "نزاعها" } ?? true, "\(edge(g, "JPN", "VNM")?.evidence ?? [])")
        // Without the enclitic, a verb before both relates them (VSO): هاجم الائتلاف قوات النظام.
        let vso = stateGraph("وانتقدت روسيا الولايات المتحدة بشدة.", date: "2015-07-25")
        #expect(try #require(edge(vso, "RUS", "USA")).stance < 0)
    }

    @Test("An alliance word right before an organisation is part of its name, not an alliance: حلف «ناتو»")
    func allianceWordInAName() throws {
        // From a 2015 Saudi paper: Rasmussen's career, Danish prime minister and then NATO's secretary general.
        let g = stateGraph("تولى راسموسين رئاسة حكومة الدنمارك ثم انتقل إلى أمانة حلف «ناتو» حتى العام الماضي.", date: "2015-07-25")
        #expect(try #require(edge(g, "DNK", "nato")).stance == 0)
        let allied = stateGraph("وأعلنت تركيا تحالفها مع الولايات المتحدة.", date: "2015-07-25")
        #expect(try #require(edge(allied, "TUR", "USA")).stance > 0)
    }

    @Test("Being listed together in one sentence does not align the pair in another sentence")
    func coordinationIsPerSentence() throws {
        let g = stateGraph("""
            أسقطت مقاتلات تركية قاذفة روسية بدعوى انتهاكها الأجواء التركية. \
            ودعا الأمين العام للأمم المتحدة موسكو وأنقرة إلى ضبط النفس.
            """)
        let e = try #require(edge(g, "RUS", "TUR"))
        let first = try #require(e.evidence.first { $0.sentence == 0 })
        #expect(first.category != "aligned", "\(first)")
    }

    @Test("Every edge can say why it has its colour: evidence holds the sentence and the trigger")
    func evidence() throws {
        let g = stateGraph("أدانت تركيا الغارات الروسية على المدنيين في حلب.")
        let e = try #require(edge(g, "RUS", "TUR"))
        let ev = try #require(e.evidence.first)
        #expect(ev.text.contains("أدانت تركيا"))
        #expect(ev.trigger == "أدانت")
        #expect(ev.category == "condemn")
        #expect((ev.score ?? 0) < 0)
    }
}

@Suite("Graph building")
struct GraphBuildingTests {
    @Test("Building two halves and merging equals building the whole")
    func halvesMerge() throws {
        let docs = try readAll(seedsPath)
        let builder = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state))
        let whole = builder.graph(for: docs)
        let a = builder.graph(for: Array(docs.prefix(2))), b = builder.graph(for: Array(docs.dropFirst(2)))
        #expect(b.merge(a, evidenceCap: 5) == whole)
    }

    @Test("Merge order does not matter (property over many orders)")
    func mergeOrder() throws {
        let docs = try readAll(seedsPath)
        let builder = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all, evidencePerEdge: 3))
        let parts = docs.map { builder.graph(for: $0) }
        let reference = parts.reduce(RelationGraph()) { $0.merge($1, evidenceCap: 3) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let shuffled = parts.shuffled(using: &rng)
            let merged = shuffled.reduce(RelationGraph()) { $0.merge($1, evidenceCap: 3) }
            #expect(merged == reference)
        }
    }

    @Test("Filters: top nodes keep the strongest, ego keeps neighbours, min weight drops light edges")
    func filters() throws {
        var g = builderGraph()
        g.computeMetrics()
        let top = g.filtered(GraphFilter(topNodes: 3))
        #expect(top.nodes.count == 3)
        let strength = g.strengths()
        let weakestKept = top.nodes.map { strength[$0.id] ?? 0 }.min() ?? 0
        let strongestDropped = g.nodes.filter { top.node($0.id) == nil }.map { strength[$0.id] ?? 0 }.max() ?? 0
        #expect(weakestKept >= strongestDropped)
        let ego = g.filtered(GraphFilter(ego: "TUR", egoHops: 1))
        for e in ego.edges { #expect(ego.node(e.source) != nil && ego.node(e.target) != nil) }
        #expect(ego.nodes.allSatisfy { n in n.id == "TUR" || g.edge(EdgeKey(source: "TUR", target: n.id)) != nil })
        let heavy = g.filtered(GraphFilter(minWeight: 3))
        #expect(heavy.edges.allSatisfy { $0.weight >= 3 })
    }

    @Test("Metrics: degree and strength agree with the edges; PageRank sums to 1")
    func metrics() throws {
        var g = builderGraph()
        g.computeMetrics()
        let pr = g.nodes.compactMap { $0.metrics?.pagerank }.reduce(0, +)
        #expect(abs(pr - 1) < 1e-6)
        for n in g.nodes {
            let incident = g.edges.filter { $0.source == n.id || $0.target == n.id }
            #expect(n.metrics?.degree == incident.count)
            #expect(abs((n.metrics?.strength ?? 0) - incident.reduce(0) { $0 + $1.weight }) < 1e-9)
        }
    }

    @Test("PMI, Dice and Jaccard weights follow their definitions")
    func weights() throws {
        var g = builderGraph()
        let e = try #require(edge(g, "RUS", "SYR"))
        let wa = Double(g.node("RUS")!.windows), wb = Double(g.node("SYR")!.windows), c = Double(e.count)
        g.applyWeight(.dice)
        #expect(abs(edge(g, "RUS", "SYR")!.weight - 2 * c / (wa + wb)) < 1e-9)
        g.applyWeight(.jaccard)
        #expect(abs(edge(g, "RUS", "SYR")!.weight - c / (wa + wb - c)) < 1e-9)
        g.applyWeight(.pmi)
        #expect(abs(edge(g, "RUS", "SYR")!.weight - log2(c * Double(g.metadata.windows) / (wa * wb))) < 1e-9)
        #expect(g.metadata.options["weight"] == "pmi")
    }

    @Test("A trigger verb with the future prefix سـ is still a trigger: ستنسق، ستطالب، سيوقع")
    func futurePrefix() throws {
        let coop = stateGraph("وأعلن مسؤولون أتراك أن أنقرة وطهران ستنسق خطوات مشتركة للرد على الاستفتاء.", date: "2017-09-26")
        #expect(try #require(edge(coop, "TUR", "IRN")).stance > 0)
        let g = stateGraph("وقال وزير الخارجية الماليزي إن كوالالمبور ستدين إسرائيل أمام الأمم المتحدة.", date: "2024-08-01")
        #expect(try #require(edge(g, "MYS", "ISR")).stance < 0)
    }

    @Test("وقع … اتفاقا is a signing even with words between; وقع alone (occurred) is not")
    func signConstruction() throws {
        let g = stateGraph("وقع ممثلو الحكومة السودانية والحكومة الإثيوبية مساء السبت في جدة اتفاقا لوقف إطلاق النار.", date: "2023-05-21")
        let e = try #require(edge(g, "SDN", "ETH"))
        #expect(e.stance > 0)
        #expect(e.evidence.first?.trigger == "وقع")
        let h = stateGraph("وقع الهجوم الإسرائيلي على غزة بعد يوم من اتفاق مصر وقطر.", date: "2023-05-21")
        #expect(h.edges.allSatisfy { $0.evidence.allSatisfy { $0.trigger != "وقع" } })
    }

    @Test("Evaluations and refusals said of an actor are conflicts: مجرمون، لن تقبل، فشل ذريع، علق عضوية", arguments: [
        "وقال المرشد الإيراني علي خامنئي إن قادة الولايات المتحدة \"مجرمون\".",
        "وأكدت الولايات المتحدة أن واشنطن لن تقبل بحكم عسكري طويل في السودان.",
        "اعتبر رئيس الوزراء الإسرائيلي السابق نفتالي بينيت أن الاتفاق فشل ذريع لإيران.",
        "علّق الاتحاد الأفريقي عضوية السودان في جميع أنشطته.",
    ])
    func evaluationsAndRefusals(sentence: String) throws {
        let g = stateGraph(sentence, date: "2019-06-06")
        let e = try #require(g.edges.first, "no edge in: \(sentence)")
        #expect(e.stance < 0, "\(sentence): stance \(e.stance)")
    }

    @Test("A state adjective after an institution noun is the state even when it is also a surname: الجيش السوداني is not al-Sudani")
    func adjectiveBeforeSurname() throws {
        let g = stateGraph("اشتبك الجيش السوداني مع قوات الدعم السريع في الخرطوم.", date: "2023-05-21")
        #expect(g.node("SDN") != nil)
        #expect(g.node("IRQ") == nil)
    }

    @Test("إلى جانب right between two actors puts them on one side, and relates only those two")
    func alongside() throws {
        let g = stateGraph("وصوتت سوريا إلى جانب روسيا ضد قرار الجمعية العامة.", date: "2022-10-13")
        #expect(try #require(edge(g, "SYR", "RUS")).stance > 0)
    }

    @Test("A negated cancellation keeps the act: لن تخفف ضغوطها is pressure; تخفيف العقوبات is an easing")
    func negatedCancellation() throws {
        let g = stateGraph("وشدد الوزير على أن واشنطن لن تخفف ضغوطها على طهران.", date: "2023-09-19")
        #expect(try #require(edge(g, "USA", "IRN")).stance < 0)
        let h = stateGraph("وقررت واشنطن تخفيف العقوبات على طهران.", date: "2023-09-19")
        #expect(try #require(edge(h, "USA", "IRN")).stance > 0)
    }

    @Test("عمّان with a shadda is Amman (Jordan); عمان is Oman")
    func ammanAndOman() {
        #expect(stateGraph("قررت عمّان تخفيض تمثيلها الدبلوماسي لدى قطر.", date: "2017-06-07").node("JOR") != nil)
        #expect(stateGraph("قررت عمان تخفيض تمثيلها الدبلوماسي لدى قطر.", date: "2017-06-07").node("OMN") != nil)
    }

    @Test("The mediator before بين cooperates with each party; the parties after it are in dispute")
    func mediatorAndParties() throws {
        let g = stateGraph("وتوسطت قطر بين الولايات المتحدة وإيران.", date: "2023-09-19")
        #expect(try #require(edge(g, "QAT", "USA")).stance > 0)
        #expect(try #require(edge(g, "QAT", "IRN")).stance > 0)
        #expect(try #require(edge(g, "USA", "IRN")).stance < 0)
    }

    @Test("A definite noun that the sentence evaluates is its topic: the evaluation decides (الاتفاق مع إيران بأنه خطأ تاريخي)")
    func evaluatedTopic() throws {
        let g = stateGraph("ووصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو الاتفاق مع إيران بأنه \"خطأ تاريخي\".", date: "2015-07-14")
        #expect(try #require(edge(g, "ISR", "IRN")).stance < 0)
    }

    @Test("Refusing to do a hostile act sides with its target (رفضت روسيا إدانة …، رفضت أي عدوان على سوريا); rejecting others' accusations stays a conflict")
    func refusingAHostileAct() throws {
        let g = stateGraph("ورفضت روسيا إدانة الجيش الوطني الليبي في مجلس الأمن.", date: "2019-04-10")
        #expect(try #require(edge(g, "RUS", "lna")).stance > 0)
        let h = stateGraph("ورفضت موسكو أي عدوان على سوريا.", date: "2019-04-10")
        #expect(try #require(edge(h, "RUS", "SYR")).stance > 0)
        let k = stateGraph("ورفضت السعودية اتهامات إيران.", date: "2019-04-10")
        #expect(try #require(edge(k, "SAU", "IRN")).stance < 0)
    }

    @Test("فيما joins parallel statements and does not cut the relation; بينما still does")
    func whileDoesNotCut() throws {
        let g = stateGraph("وأشادت فرنسا بالاتفاق مع إيران، فيما رحبت ألمانيا بالخطوة.", date: "2015-07-15")
        #expect(try #require(edge(g, "FRA", "DEU")).stance > 0)
        let h = stateGraph("وأشادت فرنسا بالاتفاق مع إيران، بينما رحبت ألمانيا بالخطوة.", date: "2015-07-15")
        #expect(try #require(edge(h, "FRA", "DEU")).stance == 0)
    }

    func builderGraph() -> RelationGraph {
        let docs = (try? readAll(seedsPath)) ?? []
        return GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state)).graph(for: docs)
    }
}

import Foundation

func readAll(_ path: String) throws -> [Document] {
    var all: [Document] = []
    var report = CorpusReader.Report()
    try CorpusReader().read([path], report: &report) { all += $0 }
    return all
}
