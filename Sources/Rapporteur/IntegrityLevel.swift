/// Whether a build compares the two languages' facts (`IntegrityCheck`), and how it reports
/// differences. The comparison costs more than the rest of a build, so `rapporteur build` and
/// `serve` leave it to `check` unless asked with `--strict`.
public enum IntegrityLevel: Sendable {
    case off, warnings, errors
}
