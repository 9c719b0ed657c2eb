/// The version of newskb, printed by `newskb --version`.
public enum NewsKBVersion {
    public static let string = "0.2.0"
}
