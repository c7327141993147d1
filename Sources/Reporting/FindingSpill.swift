import ComplianceCore
import Foundation

/// The findings of a run too large to hold, in SPEC §8 order in an unlinked temporary file, and what
/// the reports need of them all (counts, waivers and evidence named), gathered while they were written.
///
/// A national audit with no events has millions of violated findings: held whole they took 4.4 GiB,
/// and the rendered report as much again. Written here as they are produced (a block of units at a
/// time, already in report order), a report reads them back in one sequential pass per need and
/// writes its bytes to the output as it goes (`ReportSink`).
public final class FindingSpill: @unchecked Sendable {
    /// Why the file could not be written or read back.
    public struct Failure: MessageError, CustomStringConvertible {
        /// What failed, with the system's reason where there is one.
        public let message: Message
        /// The same in English.
        public var description: String { message.english }
    }

    fileprivate var descriptor: Int32 = -1
    private var pending: [UInt8] = []
    fileprivate var fileEnd = 0
    /// The first failure to write or read, which fails the report that needed the findings.
    public private(set) var failure: Failure?
    /// Whether satisfied findings are written (`--include-satisfied`): the listed ones are all there are.
    public let includesSatisfied: Bool
    /// How many findings were written.
    public private(set) var count = 0
    /// Findings written, by severity and status: `[severity index * 4 + status index]`.
    public private(set) var counts = [Int](repeating: 0, count: Severity.allCases.count * Finding.Status.allCases.count)
    /// The waivers the written findings name (1-based indices).
    public private(set) var waiverIndices = Set<Int>()
    /// The evidence event ids the written findings name, each once, in the order first named.
    public private(set) var eventIDs: [String] = []
    private var seenEvents = Set<String>()
    /// The units the written findings name.
    public var unitIDs: Set<String> { Set(unitRanges.keys) }
    /// The rules the written findings name.
    public private(set) var ruleIDs = Set<String>()
    /// Violated findings per rule id.
    public private(set) var violatedByRule: [String: Int] = [:]
    /// The pending findings with a due date, in order: what falls due soon and the calendar of
    /// upcoming obligations list (one per open period or case, far fewer than the violations).
    public private(set) var pendingWithDue: [Finding] = []
    /// Where each unit's findings lie in the file (they are contiguous: SPEC §8 order is by unit).
    public private(set) var unitRanges: [String: Range<Int>] = [:]
    /// Where each rule's findings lie, in file order, a stretch per unit joined when adjacent.
    ///
    /// Within a unit, findings are grouped by rule; JUnit reads a rule's suite from its stretches.
    /// 16 bytes per (rule, unit) pair: 4 MB for a national audit's 270,000 pairs.
    private var ruleStretches: [String: [Range<Int>]] = [:]
    /// The stretch being extended, added to `ruleStretches` when a finding of another rule follows.
    private var openStretch: (rule: String, range: Range<Int>)?

    private static let flushSize = 1 << 20

    /// An empty spill; the file is made when the first findings are written.
    public init(includesSatisfied: Bool) { self.includesSatisfied = includesSatisfied }

    deinit { if descriptor >= 0 { _ = Foundation.close(descriptor) } }

    /// Appends `findings` (the next ones in report order).
    public func append(_ findings: [Finding]) {
        for f in findings {
            count += 1
            counts[Self.bucket(f.severity, f.status)] += 1
            if let w = f.waiver { waiverIndices.insert(w) }
            for id in f.events where seenEvents.insert(id).inserted { eventIDs.append(id) }
            ruleIDs.insert(f.rule)
            if f.status == .violated { violatedByRule[f.rule, default: 0] += 1 }
            if f.status == .pending && f.due != nil { pendingWithDue.append(f) }
            let offset = fileEnd + pending.count
            FindingCodec.encode(f, into: &pending)
            let end = fileEnd + pending.count
            if let range = unitRanges[f.unit], range.upperBound == offset {
                unitRanges[f.unit] = range.lowerBound..<end
            } else {
                unitRanges[f.unit] = offset..<end
            }
            if let open = openStretch, open.rule == f.rule, open.range.upperBound == offset {
                openStretch = (open.rule, open.range.lowerBound..<end)
            } else {
                closeStretch()
                openStretch = (f.rule, offset..<end)
            }
        }
        if pending.count >= Self.flushSize { flush() }
    }

    /// Writes what is buffered; call before reading.
    public func flush() {
        guard !pending.isEmpty, failure == nil else { return }
        if descriptor < 0 {
            var template = Array((NSTemporaryDirectory() + "/dvcheck-findings-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
            guard descriptor >= 0 else { return fail(.spillNoTemporaryFile, errno) }
            // Unlinked at once: nothing is left behind, however the run ends.
            _ = template.withUnsafeBufferPointer { $0.baseAddress.map { unlink($0) } }
        }
        var written = 0
        var code: Int32 = 0
        pending.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            while written < bytes.count {
                let n = pwrite(descriptor, base + written, bytes.count - written, off_t(fileEnd + written))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    code = errno
                    return
                }
                written += n
            }
        }
        guard written == pending.count else { return fail(.spillWriteFailed, code) }
        fileEnd += written
        pending.removeAll(keepingCapacity: true)
    }

    /// How many written findings have `severity` and `status`.
    public func count(_ severity: Severity, _ status: Finding.Status) -> Int { counts[Self.bucket(severity, status)] }

    /// Where the findings of rule `id` lie in the file, in order (for `cursor(ranges:)`).
    public func ranges(ofRule id: String) -> [Range<Int>] {
        closeStretch()
        return ruleStretches[id] ?? []
    }

    private func closeStretch() {
        guard let open = openStretch else { return }
        ruleStretches[open.rule, default: []].append(open.range)
        openStretch = nil
    }

    /// A reader of the findings from the first, in order; with `range`, of the findings in those
    /// bytes of the file (a unit's, `unitRanges`); with `bucket`, of those of that severity and status
    /// only (the others are skipped undecoded).
    public func cursor(range: Range<Int>? = nil, bucket: (Severity, Finding.Status)? = nil) -> Cursor {
        flush()
        return Cursor(
            self, ranges: [range ?? 0..<fileEnd], buckets: bucket.map { UInt32(1) << Self.bucket($0.0, $0.1) })
    }

    /// A reader of the findings in `ranges` of the file (a rule's, `ranges(ofRule:)`), in order,
    /// leaving out the satisfied ones (skipped undecoded) unless `satisfied`.
    public func cursor(ranges: [Range<Int>], satisfied: Bool) -> Cursor {
        flush()
        var buckets = UInt32(0)
        for severity in Severity.allCases {
            for status in Finding.Status.allCases where satisfied || status != .satisfied {
                buckets |= 1 << Self.bucket(severity, status)
            }
        }
        return Cursor(self, ranges: ranges, buckets: buckets)
    }

    /// Calls `body` with each finding in order.
    public func forEach(_ body: (Finding) -> Void) {
        let c = cursor()
        while let f = c.next() { body(f) }
    }

    /// Reads the spill's findings in order, a buffer at a time; at the end (or on a failure, which
    /// the spill records) `next` returns nil.
    public final class Cursor {
        private let spill: FindingSpill
        private var buffer: [UInt8]
        private var filled = 0
        private var start = 0
        /// The ranges of the file still to read after the current one, last first.
        private var ranges: [Range<Int>]
        private var offset = 0
        private var end = 0
        /// The buckets read (bit `FindingSpill.bucket`), the others skipped; nil for all.
        private let buckets: UInt32?

        init(_ spill: FindingSpill, ranges: [Range<Int>], buckets: UInt32?) {
            self.spill = spill
            self.ranges = ranges.reversed()
            self.buckets = buckets
            let total = ranges.reduce(0) { $0 + $1.count }
            // A small read (a unit's stretch) needs no 4 MB buffer; a larger record grows it.
            buffer = [UInt8](repeating: 0, count: min(max(total, 4096), 4 << 20))
        }

        /// The next finding, or nil at the end.
        public func next() -> Finding? {
            while spill.failure == nil {
                let decoded = buffer.withUnsafeBytes { raw in
                    var decoded: (finding: Finding, next: Int)?
                    while decoded == nil, let skip = FindingCodec.skip(raw, from: start, end: filled, unless: buckets) {
                        if skip.wanted {
                            decoded = FindingCodec.decode(raw, from: start, end: filled)
                        } else {
                            start = skip.next
                        }
                    }
                    return decoded
                }
                if let decoded {
                    start = decoded.next
                    return decoded.finding
                }
                if offset >= end {
                    // Each range holds whole findings: the next one starts afresh.
                    guard start == filled else {
                        spill.fail(.spillEndsInsideFinding)
                        return nil
                    }
                    guard let next = ranges.popLast() else { return nil }
                    (offset, end, start, filled) = (next.lowerBound, next.upperBound, 0, 0)
                    continue
                }
                // Keep the partial record, then read more behind it (growing for a record larger than
                // the buffer).
                if start > 0 {
                    let (from, count) = (start, filled - start)
                    buffer.withUnsafeMutableBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        base.copyMemory(from: base + from, byteCount: count)
                    }
                    filled = count
                    start = 0
                }
                if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
                let (at, room) = (filled, min(buffer.count - filled, end - offset))
                let n = buffer.withUnsafeMutableBytes { raw in
                    raw.baseAddress.map { pread(spill.descriptor, $0 + at, room, off_t(offset)) } ?? -1
                }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    // Nothing read where the findings written say more is: the file was cut short.
                    if n == 0 { spill.fail(.spillEndsInsideFinding) } else { spill.fail(.spillReadFailed, errno) }
                    return nil
                }
                filled += n
                offset += n
            }
            return nil
        }

        /// Up to `count` next findings; empty at the end.
        public func next(_ count: Int) -> [Finding] {
            var batch: [Finding] = []
            batch.reserveCapacity(count)
            while batch.count < count, let f = next() { batch.append(f) }
            return batch
        }
    }

    /// Keeps the first failure: `what` went wrong, for the system's reason `code` when given.
    fileprivate func fail(_ what: MessageKey, _ code: Int32? = nil) {
        let message = code.map { Message(what, nested: ["why": .systemError($0)]) } ?? Message(what)
        failure = failure ?? Failure(message: message)
    }

    static func bucket(_ severity: Severity, _ status: Finding.Status) -> Int {
        FindingCodec.severityIndex(severity) * Finding.Status.allCases.count + FindingCodec.statusIndex(status)
    }
}

/// A finding as bytes in the spill: a 4-byte length, then its fields (integers as zigzag varints,
/// strings as a length and their UTF-8), read back exactly as they were.
enum FindingCodec {
    static let severities = Severity.allCases
    static let statuses = Finding.Status.allCases

    static func severityIndex(_ s: Severity) -> Int { severities.firstIndex(of: s) ?? 0 }
    static func statusIndex(_ s: Finding.Status) -> Int { statuses.firstIndex(of: s) ?? 0 }

    static func encode(_ f: Finding, into out: inout [UInt8]) {
        let lengthAt = out.count
        out += [0, 0, 0, 0]
        out.append(UInt8(severityIndex(f.severity)))
        out.append(UInt8(statusIndex(f.status)))
        string(f.rule, &out)
        string(f.unit, &out)
        optionalString(f.reason, &out)
        optionalString(f.period, &out)
        optionalInt(f.due?.ordinal, &out)
        optionalInt(f.expected, &out)
        optionalInt(f.actual, &out)
        if let share = f.share {
            out.append(1)
            int(share.threshold.tenths, &out)
            int(share.satisfied, &out)
            int(share.violated, &out)
            int(share.pending, &out)
        } else {
            out.append(0)
        }
        optionalInt(f.daysLate, &out)
        optionalString(f.ref, &out)
        int(f.events.count, &out)
        for e in f.events { string(e, &out) }
        optionalInt(f.distanceDays, &out)
        optionalInt(f.waiver, &out)
        string(f.message, &out)
        string(f.fingerprint, &out)
        int(f.sortDay.ordinal, &out)
        int(f.waiverSpan.lowerBound.ordinal, &out)
        int(f.waiverSpan.upperBound.ordinal, &out)
        string(f.identity, &out)
        let length = UInt32(out.count - lengthAt - 4)
        for k in 0..<4 { out[lengthAt + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
    }

    /// Whether the whole record at `start` is of one of `buckets` (bit `FindingSpill.bucket`; any
    /// when nil), and where the next one starts; nil when the record does not end before `end`.
    static func skip(_ raw: UnsafeRawBufferPointer, from start: Int, end: Int, unless buckets: UInt32?) -> (
        wanted: Bool, next: Int
    )? {
        guard end - start >= 6 else { return nil }
        var length = 0
        for k in 0..<4 { length |= Int(raw[start + k]) << (8 * k) }
        guard end - start - 4 >= length else { return nil }
        let wanted =
            buckets.map { $0 & (1 << (Int(raw[start + 4]) * statuses.count + Int(raw[start + 5]))) != 0 } ?? true
        return (wanted, start + 4 + length)
    }

    /// The finding whose record starts at `start`, and where the next one starts; nil when the
    /// record does not end before `end`.
    static func decode(_ raw: UnsafeRawBufferPointer, from start: Int, end: Int) -> (finding: Finding, next: Int)? {
        guard end - start >= 4 else { return nil }
        var length = 0
        for k in 0..<4 { length |= Int(raw[start + k]) << (8 * k) }
        guard end - start - 4 >= length else { return nil }
        var r = Reader(raw: raw, at: start + 4)
        let severity = severities[Int(r.byte())]
        let status = statuses[Int(r.byte())]
        let rule = r.string()
        let unit = r.string()
        let reason = r.optionalString()
        let period = r.optionalString()
        let due = r.optionalInt().map(Day.init(ordinal:))
        let expected = r.optionalInt()
        let actual = r.optionalInt()
        var share: Share?
        if r.byte() == 1 {
            let threshold = Tenths(tenths: r.int())
            share = Share(threshold: threshold, satisfied: r.int(), violated: r.int(), pending: r.int())
        }
        let daysLate = r.optionalInt()
        let ref = r.optionalString()
        let eventCount = r.int()
        var events: [String] = []
        events.reserveCapacity(eventCount)
        for _ in 0..<eventCount { events.append(r.string()) }
        let distance = r.optionalInt()
        let waiver = r.optionalInt()
        let message = r.string()
        let fingerprint = r.string()
        let sortDay = Day(ordinal: r.int())
        let spanFrom = Day(ordinal: r.int())
        let spanTo = Day(ordinal: r.int())
        let identity = r.string()
        var f = Finding(
            rule: rule, unit: unit, status: status, reason: reason, severity: severity, period: period, due: due,
            expected: expected, actual: actual, daysLate: daysLate, ref: ref, events: events, distanceDays: distance,
            sortDay: sortDay, waiverSpan: spanFrom...spanTo, identity: identity)
        f.share = share
        f.waiver = waiver
        f.message = message
        f.fingerprint = fingerprint
        return (f, start + 4 + length)
    }

    private static func int(_ v: Int, _ out: inout [UInt8]) {
        var z = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        while z >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: z) | 0x80)
            z >>= 7
        }
        out.append(UInt8(z))
    }

    private static func optionalInt(_ v: Int?, _ out: inout [UInt8]) {
        guard let v else { return out.append(0) }
        out.append(1)
        int(v, &out)
    }

    private static func string(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            int(bytes.count, &out)
            out.append(contentsOf: bytes)
        }
    }

    private static func optionalString(_ s: String?, _ out: inout [UInt8]) {
        guard let s else { return out.append(0) }
        out.append(1)
        string(s, &out)
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var at: Int

        mutating func byte() -> UInt8 {
            defer { at += 1 }
            return raw[at]
        }

        mutating func int() -> Int {
            var z: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = byte()
                z |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
        }

        mutating func optionalInt() -> Int? { byte() == 1 ? int() : nil }

        mutating func string() -> String {
            let n = int()
            defer { at += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]), as: UTF8.self)
        }

        mutating func optionalString() -> String? { byte() == 1 ? string() : nil }
    }
}
