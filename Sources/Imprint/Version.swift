/// Imprint's own version, as `imprint --version` prints it.
public enum Imprint {
    public static let version = "0.2.0"
}
