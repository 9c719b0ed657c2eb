import Foundation
import NewsKBExtraction

/// What the grouper knows about a pair of claims when it decides whether they assert the same
/// thing: the evidence of meaning (the cosine of their sentence vectors), of wording (IDF-weighted
/// Dice over their keys), and of scope (entities and dates on one side only, quantities that
/// disagree, opposite polarity).
public struct PairFeatures: Sendable, Equatable {
    /// Cosine of the two claims' sentence vectors (``SentenceEncoder``); 0 when one has none.
    public var cosine = 0.0
    /// IDF-weighted Dice similarity of their keys (base forms, entities, dates).
    public var dice = 0.0
    /// The same with agreeing quantities counted as shared keys.
    public var diceWithQuantities = 0.0
    /// Number of keys they share.
    public var sharedKeys = 0
    /// A quantity of one agrees with one of the other (`37 mph` = `59 km/h`).
    public var quantitiesMatch = false
    /// A unit or counted noun appears in both and no value of it agrees.
    public var quantitiesConflict = false
    /// One is asserted negatively and the other not.
    public var polarityDiffers = false
    /// Weight of the entities both name, over the weight of the entities either names (0 when neither names one).
    public var entitiesShared = 0.0
    /// Weight of the entities only one of them names, over the weight of that one's entities: the
    /// larger of the two sides (a claim about another company, another person).
    public var entitiesMissing = 0.0
    /// Both carry dates and none of one's can name a day of the other's (another day, another year;
    /// `2004` and `April 2004` can: ``ClaimGrouper/compatibleDates(_:_:)``).
    public var datesConflict = false
    /// The lighter claim's key weight over the heavier one's.
    public var lengthRatio = 0.0

    public init() {}

    /// The names, in the order of ``values`` and of the model file.
    public static let names = ["cosine", "dice", "dice_quantities", "shared_keys", "quantities_match",
                               "quantities_conflict", "polarity_differs", "entities_shared", "entities_missing",
                               "dates_conflict", "length_ratio", "cosine_x_dice", "cosine_squared"]

    /// The feature values the model weighs (``names``).
    public var values: [Double] {
        var out = [Double]()
        out.reserveCapacity(PairFeatures.names.count)
        forEachValue { _, x in out.append(x) }
        return out
    }

    /// Calls `body` with each value's index in ``names`` and the value: the one list of them,
    /// read by ``values`` and, without an array, by ``AgreementModel/probability(_:)``.
    @inline(__always)
    func forEachValue(_ body: (Int, Double) -> Void) {
        body(0, cosine); body(1, dice); body(2, diceWithQuantities); body(3, log1p(Double(sharedKeys)))
        body(4, quantitiesMatch ? 1 : 0); body(5, quantitiesConflict ? 1 : 0); body(6, polarityDiffers ? 1 : 0)
        body(7, entitiesShared); body(8, entitiesMissing); body(9, datesConflict ? 1 : 0); body(10, lengthRatio)
        body(11, cosine * dice); body(12, cosine * cosine)
    }
}

/// The learned pair decision: logistic regression over ``PairFeatures``, trained on sentence
/// pairs judged equivalent or not (MRPC `train`, tuned on `dev`) by `scripts/train-agreement.py`
/// and embedded from `Lexicons/agreement-model.txt`.
///
/// The file: comment lines (`#`), then `threshold P`, optionally `corpus_threshold Q`, `bias B`,
/// and one line per feature, `feature NAME MEAN SCALE WEIGHT`: the score is
/// `B + Σ WEIGHT × (value − MEAN) / SCALE`, the probability its logistic, and two claims of a
/// corpus assert the same thing when it reaches `Q` (`P` when there is no `Q`).
public struct AgreementModel: Sendable {
    /// The most accurate threshold on the training pairs' dev split.
    public let threshold: Double
    /// The least probability at which the grouper joins two claims of a corpus (at least
    /// ``threshold``): most candidate pairs of a real corpus are not paraphrases, unlike MRPC's.
    public let corpusThreshold: Double
    public let bias: Double
    let mean: [Double]
    let scale: [Double]
    let weight: [Double]

    /// The embedded model.
    public static let shared: AgreementModel = {
        do { return try AgreementModel(text: LexiconFiles.contents("agreement-model.txt")) } catch {
            fatalError("the embedded agreement model is unreadable: \(error)")
        }
    }()

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(text: String) throws {
        var threshold: Double?, bias: Double?, corpusThreshold: Double?
        var byName = [String: (Double, Double, Double)]()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: " ")
            func number(_ s: Substring) throws -> Double {
                guard let v = Double(s), v.isFinite else { throw FormatError(description: "line \(n + 1): \(s) is not a number") }
                return v
            }
            switch f[0] {
            case "threshold" where f.count == 2: threshold = try number(f[1])
            case "bias" where f.count == 2: bias = try number(f[1])
            case "corpus_threshold" where f.count == 2: corpusThreshold = try number(f[1])
            case "feature" where f.count == 5:
                let s = try number(f[3])
                guard s > 0 else { throw FormatError(description: "line \(n + 1): scale must be positive") }
                byName[String(f[1])] = (try number(f[2]), s, try number(f[4]))
            default: throw FormatError(description: "line \(n + 1): unexpected \(line)")
            }
        }
        guard let threshold, let bias else { throw FormatError(description: "threshold and bias are required") }
        var mean = [Double](), scale = [Double](), weight = [Double]()
        for name in PairFeatures.names {
            guard let (m, s, w) = byName.removeValue(forKey: name) else { throw FormatError(description: "feature \(name) is missing") }
            mean.append(m); scale.append(s); weight.append(w)
        }
        if let extra = byName.keys.sorted().first { throw FormatError(description: "unknown feature \(extra)") }
        self.threshold = threshold
        self.corpusThreshold = max(threshold, corpusThreshold ?? threshold)
        self.bias = bias
        self.mean = mean
        self.scale = scale
        self.weight = weight
    }

    /// The probability that two claims with these features assert the same thing.
    public func probability(_ f: PairFeatures) -> Double {
        // The terms one by one: no array per pair (the grouper asks this of every candidate
        // that passes its checks).
        var z = bias
        f.forEachValue { i, x in z += weight[i] * (x - mean[i]) / scale[i] }
        return 1 / (1 + exp(-z))
    }
}

/// Writes the features of every pair the grouper compares to the file named by
/// `NEWSKB_PAIR_FEATURES` (one line a pair: the two claim ids, then ``PairFeatures/values``), for
/// `scripts/train-agreement.py`. Off unless the variable is set.
enum PairFeatureLog {
    static let handle: FileHandle? = {
        guard let path = ProcessInfo.processInfo.environment["NEWSKB_PAIR_FEATURES"], !path.isEmpty else { return nil }
        _ = FileManager.default.createFile(atPath: path, contents: Data("a\tb\t\(PairFeatures.names.joined(separator: "\t"))\n".utf8))
        return FileHandle(forWritingAtPath: path).map { $0.seekToEndOfFile(); return $0 }
    }()
    static let lock = NSLock()
    static var isOn: Bool { handle != nil }

    static func write(_ a: Int64, _ b: Int64, _ f: PairFeatures) {
        guard let handle else { return }
        let line = "\(min(a, b))\t\(max(a, b))\t" + f.values.map { String(format: "%.6g", $0) }.joined(separator: "\t") + "\n"
        lock.lock()
        handle.write(Data(line.utf8))
        lock.unlock()
    }
}
