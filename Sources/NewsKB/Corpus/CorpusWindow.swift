/// A window of the corpus phase: the documents compared with each other in one step.
///
/// Documents are bucketed by publication week (``CorpusDocuments``); the window of a dated
/// bucket holds that bucket, the next one and the undated documents, and the undated window
/// holds the undated documents alone. Each pair of documents belongs to exactly one window
/// (``owner(_:_:)``); documents more than a bucket apart are never compared.
enum CorpusWindow: Hashable, Sendable, CustomStringConvertible {
    /// The window whose first bucket is this one (with the next bucket and the undated
    /// documents).
    case week(Int)
    /// The undated documents, compared with each other.
    case undated

    /// The windows of a corpus, in the order they are compared: one per dated bucket
    /// (ascending), then the undated window when there are undated documents.
    static func all(buckets: [Int], hasUndated: Bool) -> [CorpusWindow] {
        buckets.map { .week($0) } + (hasUndated ? [.undated] : [])
    }

    /// The window's first bucket (nil: the undated window).
    var firstBucket: Int? {
        switch self {
        case .week(let b): return b
        case .undated: return nil
        }
    }

    /// True when the window holds the documents of `bucket` (nil: the undated documents).
    func holds(bucket: Int?) -> Bool {
        guard let bucket else { return true }
        guard case .week(let b) = self else { return false }
        return bucket == b || bucket == b + 1
    }

    /// The window that compares two documents in buckets `a` and `b` (nil: undated), or nil when
    /// they are too far apart to be compared.
    static func owner(_ a: Int?, _ b: Int?) -> CorpusWindow? {
        switch (a, b) {
        case let (x?, y?): return abs(x - y) <= 1 ? .week(min(x, y)) : nil
        case let (x?, nil): return .week(x)
        case let (nil, y?): return .week(y)
        case (nil, nil): return .undated
        }
    }

    /// `12345` (its first bucket) or `undated`, for traces.
    var description: String { firstBucket.map(String.init) ?? "undated" }
}
