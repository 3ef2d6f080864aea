/// The normalised alphabet used for matching.
///
/// Every letter of the input maps to one byte: ASCII letters to lowercase ASCII, all digits (Latin,
/// Arabic-Indic, Persian) to ASCII digits, "+" to itself (أوبك+، 5+1), Arabic letters to bytes from `0x80`. Orthographic variants map to
/// the same byte: أ إ آ ٱ ا → alef; ى → ي; ة → ه; ئ → ي; ؤ → و; Persian ک ی گ پ چ ژ and ڤ ڨ to their
/// Arabic counterparts. Diacritics, shadda, sukun, dagger alef, tatweel and zero-width marks are dropped
/// without breaking the word. Anything else is a separator (its kind is told by ``ScalarClass``).
///
/// Normalisation is for matching only: tokens keep offsets into the original text.
public enum ArabicAlphabet {
    public static let alef: UInt8 = 0x80
    public static let hamza: UInt8 = 0x81
    public static let beh: UInt8 = 0x82
    public static let teh: UInt8 = 0x83
    public static let theh: UInt8 = 0x84
    public static let jeem: UInt8 = 0x85
    public static let hah: UInt8 = 0x86
    public static let khah: UInt8 = 0x87
    public static let dal: UInt8 = 0x88
    public static let thal: UInt8 = 0x89
    public static let reh: UInt8 = 0x8A
    public static let zain: UInt8 = 0x8B
    public static let seen: UInt8 = 0x8C
    public static let sheen: UInt8 = 0x8D
    public static let sad: UInt8 = 0x8E
    public static let dad: UInt8 = 0x8F
    public static let tah: UInt8 = 0x90
    public static let zah: UInt8 = 0x91
    public static let ain: UInt8 = 0x92
    public static let ghain: UInt8 = 0x93
    public static let feh: UInt8 = 0x94
    public static let qaf: UInt8 = 0x95
    public static let kaf: UInt8 = 0x96
    public static let lam: UInt8 = 0x97
    public static let meem: UInt8 = 0x98
    public static let noon: UInt8 = 0x99
    public static let heh: UInt8 = 0x9A
    public static let waw: UInt8 = 0x9B
    public static let yeh: UInt8 = 0x9C
    /// A letter of another script (Cyrillic, accented Latin …): part of a word, never matched.
    public static let otherLetter: UInt8 = 0xFE

    /// The Arabic letter each code stands for (for debugging and for turning codes back into text).
    static let letters: [Character] = [
        "ا", "ء", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
        "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي",
    ]

    /// The normalised codes written back as text (Arabic letters in their plain forms).
    public static func string(from codes: some Sequence<UInt8>) -> String {
        var s = ""
        for c in codes {
            if c < 0x80 {
                s.unicodeScalars.append(Unicode.Scalar(c))
            } else if Int(c - 0x80) < letters.count {
                s.append(letters[Int(c - 0x80)])
            } else {
                s.append("·")
            }
        }
        return s
    }
}

/// How the scanner treats a scalar that is not a letter.
public enum ScalarClass: UInt8, Sendable {
    /// A letter or digit (see ``ArabicAlphabet``).
    case letter = 0
    /// Dropped inside a word: diacritics, tatweel, zero-width marks.
    case ignorable = 1
    /// Space and other separators that end a word only.
    case space = 2
    /// Ends a clause: Arabic and Latin commas.
    case clause = 3
    /// Ends a sentence: . ! ? ؟ ; ؛ …
    case sentence = 4
    /// Ends a paragraph (and sentence): line breaks.
    case lineBreak = 5
}

/// Per-scalar lookup tables, built once.
enum ScalarTable {
    /// For scalars below `0x0700`: the letter code, or `0` for non-letters.
    static let codes: [UInt8] = build().codes
    /// For scalars below `0x0700`: the ``ScalarClass`` raw value.
    static let classes: [UInt8] = build().classes

    private static func build() -> (codes: [UInt8], classes: [UInt8]) {
        var codes = [UInt8](repeating: 0, count: 0x700)
        var classes = [UInt8](repeating: ScalarClass.space.rawValue, count: 0x700)
        func letter(_ v: Int, _ code: UInt8) {
            codes[v] = code
            classes[v] = ScalarClass.letter.rawValue
        }
        for v in 0x30...0x39 { letter(v, UInt8(v)) }
        // "+" belongs to the names it ends or joins: أوبك+ (OPEC+, not OPEC), مجموعة 5+1 (P5+1).
        letter(0x2B, 0x2B)
        for v in 0x41...0x5A { letter(v, UInt8(v + 0x20)) }
        for v in 0x61...0x7A { letter(v, UInt8(v)) }
        // Latin-1 and Latin Extended letters, Greek, Cyrillic: letters of other scripts.
        for v in 0xC0...0x24F where v != 0xD7 && v != 0xF7 { letter(v, ArabicAlphabet.otherLetter) }
        for v in 0x370...0x52F { letter(v, ArabicAlphabet.otherLetter) }
        // Arabic-Indic and Persian digits.
        for v in 0x660...0x669 { letter(v, UInt8(0x30 + v - 0x660)) }
        for v in 0x6F0...0x6F9 { letter(v, UInt8(0x30 + v - 0x6F0)) }
        typealias A = ArabicAlphabet
        let arabic: [(Int, UInt8)] = [
            (0x621, A.hamza), (0x622, A.alef), (0x623, A.alef), (0x624, A.waw), (0x625, A.alef),
            (0x626, A.yeh), (0x627, A.alef), (0x628, A.beh), (0x629, A.heh), (0x62A, A.teh),
            (0x62B, A.theh), (0x62C, A.jeem), (0x62D, A.hah), (0x62E, A.khah), (0x62F, A.dal),
            (0x630, A.thal), (0x631, A.reh), (0x632, A.zain), (0x633, A.seen), (0x634, A.sheen),
            (0x635, A.sad), (0x636, A.dad), (0x637, A.tah), (0x638, A.zah), (0x639, A.ain),
            (0x63A, A.ghain), (0x641, A.feh), (0x642, A.qaf), (0x643, A.kaf), (0x644, A.lam),
            (0x645, A.meem), (0x646, A.noon), (0x647, A.heh), (0x648, A.waw), (0x649, A.yeh),
            (0x64A, A.yeh),
            (0x671, A.alef), (0x672, A.alef), (0x673, A.alef), (0x675, A.alef),
            (0x67E, A.beh), (0x686, A.jeem), (0x698, A.zain), (0x6A4, A.feh), (0x6A7, A.qaf), (0x6A8, A.qaf),
            (0x6A9, A.kaf), (0x6AA, A.kaf), (0x6AF, A.kaf), (0x6C0, A.heh), (0x6C1, A.heh), (0x6C3, A.heh),
            (0x6CC, A.yeh), (0x6D2, A.yeh), (0x6D5, A.heh), (0x63B, A.kaf), (0x63C, A.kaf),
            (0x63D, A.yeh), (0x63E, A.yeh), (0x63F, A.yeh),
        ]
        for (v, c) in arabic { letter(v, c) }
        // Diacritics (fathatan … sukun, maddah, hamza above/below), dagger alef, Quranic marks, tatweel.
        for v in 0x610...0x61A { classes[v] = ScalarClass.ignorable.rawValue }
        for v in 0x64B...0x65F { classes[v] = ScalarClass.ignorable.rawValue }
        classes[0x670] = ScalarClass.ignorable.rawValue
        for v in 0x6D6...0x6ED { classes[v] = ScalarClass.ignorable.rawValue }
        classes[0x640] = ScalarClass.ignorable.rawValue
        classes[0xAD] = ScalarClass.ignorable.rawValue  // soft hyphen
        // Boundaries.
        for v in [0x2C, 0x60C, 0x66B] { classes[v] = ScalarClass.clause.rawValue }  // , ، (and ٫ used as comma)
        for v in [0x2E, 0x21, 0x3F, 0x3B, 0x61F, 0x61B, 0x6D4] { classes[v] = ScalarClass.sentence.rawValue }
        for v in [0x0A, 0x0D, 0x0B, 0x0C, 0x85] { classes[v] = ScalarClass.lineBreak.rawValue }
        return (codes, classes)
    }

    /// Class of a scalar at or above `0x0700`.
    @inline(__always)
    static func classOfHigh(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x034F: return .ignorable  // zero-width marks, BOM
        case 0x2026: return .sentence  // …
        case 0x2028, 0x2029: return .lineBreak
        case 0xFE70...0xFEFC, 0xFB50...0xFDFF: return .letter  // presentation forms: see letterOfHigh
        case 0x1E00...0x1FFF: return .letter  // Latin extended additional, Greek extended
        default: return .space
        }
    }

    /// Letter code of a high scalar classed as `.letter`.
    @inline(__always)
    static func letterOfHigh(_ v: UInt32) -> UInt8 {
        ArabicAlphabet.otherLetter
    }
}
