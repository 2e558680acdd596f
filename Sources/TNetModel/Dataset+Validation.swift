extension Dataset {
    /// Every semantic problem of the dataset, in file order within each check: duplicate ids,
    /// duplicate source ids, links whose endpoints name no entity.
    /// (Problems of form, such as bad JSON, are found by the readers.)
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: [String: Int] = [:]
        for (i, e) in entities.enumerated() {
            if let first = seen[e.id] {
                let firstAt = locations?.entity(first).map { " (first declared at \($0.line):\($0.column))" } ?? ""
                issues.append(ValidationIssue(.error, .duplicateEntityID,
                                              "duplicate entity id \(quoted(e.id))\(firstAt)",
                                              at: locations?.entity(i)))
            } else {
                seen[e.id] = i
            }
        }
        var seenSources: Set<String> = []
        for (i, s) in sources.enumerated() where !seenSources.insert(s.id).inserted {
            issues.append(ValidationIssue(.error, .duplicateSourceID, "duplicate source id \(quoted(s.id))",
                                          at: locations?.source(i)))
        }
        for i in links.indices {
            let (s, t) = endpoints(ofLink: i)
            let link = links[i]
            if s == nil {
                issues.append(ValidationIssue(.error, .danglingEndpoint,
                                              "link source \(quoted(link.source)) is not an entity id",
                                              at: locations?.link(i)))
            }
            if t == nil {
                issues.append(ValidationIssue(.error, .danglingEndpoint,
                                              "link target \(quoted(link.target)) is not an entity id",
                                              at: locations?.link(i)))
            }
        }
        return issues
    }
}

/// A string in double quotes with quotes, backslashes and control characters escaped, so a
/// message about hostile text stays on one line.
public func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028 ... 0x2029).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
