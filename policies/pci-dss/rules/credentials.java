class Config {
  // ruleid: pci-hardcoded-credential
  private static final String API_TOKEN = "9f8e7d6c5b4a39281706";
  // ok: pci-hardcoded-credential
  private static final String API_TOKEN_HEADER = "X-Api-Token";
  // ok: pci-hardcoded-credential
  private final String apiToken = System.getenv("API_TOKEN");
  // ok: pci-hardcoded-credential
  public static final String JSON_PROPERTY_THIRD_PARTY_TOKEN_INFO = "thirdPartyTokenInfo";

  public String toString() {
    StringBuilder sb = new StringBuilder();
    // ok: pci-hardcoded-credential
    sb.append("    externalToken: ").append(toIndentedString(externalToken)).append("\n");
    return sb.toString();
  }
}
