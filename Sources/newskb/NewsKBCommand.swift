import ArgumentParser
import NewsKB

@main
struct NewsKBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "newskb", abstract: "News knowledge store.")
}
