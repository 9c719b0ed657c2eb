import ArgumentParser
import NewsKB
import Foundation

/// What the CLI needs of the terminal: its width, and unbuffered writes to stdout and stderr.
enum Terminal {
    /// The terminal's width when `fd` is a terminal, else nil.
    static func columns(of fd: Int32) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}

/// A command's failure with its message: reported as one line on stderr, exit code 1.
struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A newskb command: `execute()` is its body, and `run()` reports what it throws in one place.
/// (Bad arguments never get here: the parser rejects them with its message, the usage and exit
/// code 64.)
protocol NewsKBSubcommand: ParsableCommand {
    func execute() throws
}

extension NewsKBSubcommand {
    func run() throws {
        do { try execute() } catch { throw Self.report(error) }
    }

    /// Turns an error into one clear line on stderr (with a hint for the SQLite errors a user
    /// can act on) and exit code 1; exit codes pass through.
    static func report(_ error: Error) -> Error {
        if error is ExitCode || error is CleanExit { return error }
        var hint = ""
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY: hint = " (another process is writing this database and did not let go in time; try again when it is done)"
            case .SQLITE_FULL: hint = " (the disk is full: nothing of the unfinished batch was written)"
            case .SQLITE_READONLY: hint = " (the database file or its folder is read-only)"
            default: break
            }
        }
        Terminal.error("newskb: error: \(error)\(hint)")
        return ExitCode(1)
    }
}

/// Ctrl-C (SIGINT) as a flag: the first one asks the import to stop after its current batch;
/// a second one ends the process at once (SQLite's journal keeps the file consistent).
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var source: DispatchSourceSignal?

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return set
    }

    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            flag.lock.lock()
            let again = flag.set
            flag.set = true
            flag.lock.unlock()
            if again { exit(130) }
            Terminal.error("\nnewskb: stopping after the current batch (Ctrl-C again to stop now)")
        }
        source.resume()
        flag.source = source
        return flag
    }
}
