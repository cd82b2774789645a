/// The candidate nearest to a misspelled word, for "did you mean" hints.
///
/// Distance is counted in edits of Unicode scalars (insert, delete, replace,
/// swap two neighbours); a candidate that differs only in case wins first.
/// A candidate is close enough within one edit per three characters of the
/// word (at least one edit), so `employes` finds `employees` and `id` finds
/// `ids` but `x` finds nothing in `["owner"]`. Ties go to the earlier
/// candidate. Words over 64 scalars get no suggestion (bounded work on
/// hostile input).
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let maximumLength = 64
    let wordScalars = Array(word.unicodeScalars)
    guard !wordScalars.isEmpty, wordScalars.count <= maximumLength else { return nil }
    let lowered = word.lowercased()
    if let sameButCase = candidates.first(where: { $0 != word && $0.lowercased() == lowered }) {
        return sameButCase
    }
    let allowed = max(1, wordScalars.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
        let candidateScalars = Array(candidate.unicodeScalars)
        guard candidateScalars.count <= maximumLength,
            abs(candidateScalars.count - wordScalars.count) <= allowed
        else { continue }
        let distance = editDistance(wordScalars, candidateScalars)
        if distance <= allowed, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// Optimal string alignment distance: Levenshtein plus swaps of neighbours.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var beforePrevious = [Int](repeating: 0, count: width)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, beforePrevious[j - 2] + 1)
            }
            current[j] = value
        }
        swap(&beforePrevious, &previous)
        swap(&previous, &current)
    }
    return previous[b.count]
}
