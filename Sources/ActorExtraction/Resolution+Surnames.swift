import ActorText

/// Surnames learned from the document itself.
///
/// News writing names a person in full once ("منسق الاتحاد الأوروبي إنريكي مورا", "علي باقري كني") and by surname
/// after that ("وقال مورا", "وأكد باقري"). The knowledge base cannot list every surname as a short form — many
/// are ordinary words or shared by several officials — so each person named in full teaches the document its
/// surname tokens, and a later lone token equal to one of them (after proclitics و ف ب ل ك) is that person.
/// A surname two people of the document share is dropped: a reader could not tell them apart either.
///
/// Invariants: only tokens after the first of a full name (two or more tokens) are learned, each of at least
/// three letters and neither a given name, one of the 10,000 most frequent words (`common-words.tsv`), a
/// function word nor a name particle (بن، ولد، أبو، الشيخ …) nor the word after a particle (عبد العزيز); a
/// lone token is matched only where the lexicon matched nothing, or where the lexicon's reading is a short
/// form of somebody not named in this document.
extension Resolution {
    /// Learns the surname tokens of person `id` named in full at `tokens`.
    /// - Complexity: O(n) in the name's letters.
    func learnSurnames(of id: String, tokens: Range<Int>) {
        guard tokens.count >= 2 else { return }
        // A discovered name may run on into ordinary words ("أيوب القرا القريب"): only its second word is taken.
        let learned = id.hasPrefix("new:") ? tokens.lowerBound + 1..<tokens.lowerBound + 2 : tokens.dropFirst()
        for t in learned {
            guard text.codes(of: t).count >= 3 else { continue }
            let h = text.hashes[t]
            if lexicon.givenNames[h] != nil || lexicon.commonWords[h] != nil || StopWords.contains(h)
                || StopWords.particles.contains(h) { continue }
            // The second part of a compound or a patronymic (عبد العزيز، بن نايف) is not a surname.
            if StopWords.particles.contains(text.hashes[t - 1]) { continue }
            if let other = surnames[h] {
                // Shared by two people: ambiguous.
                if other == Self.ambiguousSurname || surnameOwners[Int(other)] != id { surnames.set(h, Self.ambiguousSurname) }
            } else {
                surnames.set(h, Int32(surnameOwners.count))
                surnameOwners.append(id)
            }
        }
    }

    /// The person whose learned surname token `t` is, and the proclitic letters before it.
    /// - Complexity: O(1) (at most three hash lookups).
    func surname(at t: Int) -> (id: String, strip: Int)? {
        guard surnames.count > 0 else { return nil }
        let codes = text.codes(of: t)
        func lookup(_ drop: Int) -> String? {
            guard codes.count - drop >= 3 else { return nil }
            let h = drop == 0 ? text.hashes[t] : WordHash.hash(codes.dropFirst(drop))
            guard let owner = surnames[h], owner != Self.ambiguousSurname else { return nil }
            return surnameOwners[Int(owner)]
        }
        if let id = lookup(0) { return (id, 0) }
        guard let first = codes.first else { return nil }
        let s = codes.startIndex
        if Proclitics.contains(first), let id = lookup(1) { return (id, 1) }
        if (first == ArabicAlphabet.waw || first == ArabicAlphabet.feh), codes.count > 2,
           Proclitics.contains(codes[s + 1]), codes[s + 1] != ArabicAlphabet.waw, codes[s + 1] != ArabicAlphabet.feh,
           let id = lookup(2) {
            return (id, 2)
        }
        return nil
    }

    /// Emits the learned surnames among tokens `from..<to` that no lexicon match covers, in text order.
    /// - Complexity: O(to − from).
    func emitSurnames(from: Int, to: Int) {
        guard surnames.count > 0 else { return }
        let start = max(from, mentions.last?.tokens.upperBound ?? 0)
        guard start < to else { return }
        for t in start..<to {
            if let (id, strip) = surname(at: t), introduced.contains(id) {
                emitPerson(id, tokens: t..<(t + 1), strip: strip, method: .coreference)
            }
        }
    }

    /// The proclitic letters و ف ب ل ك.
    enum Proclitics {
        static func contains(_ c: UInt8) -> Bool {
            c == ArabicAlphabet.waw || c == ArabicAlphabet.feh || c == ArabicAlphabet.beh || c == ArabicAlphabet.lam
                || c == ArabicAlphabet.kaf
        }
    }
}
