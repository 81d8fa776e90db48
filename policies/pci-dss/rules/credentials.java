class Config {
  // ruleid: pci-hardcoded-credential
  private static final String API_TOKEN = "9f8e7d6c5b4a39281706";
  // ok: pci-hardcoded-credential
  private static final String API_TOKEN_HEADER = "X-Api-Token";
  // ok: pci-hardcoded-credential
  private final String apiToken = System.getenv("API_TOKEN");
  // ok: pci-hardcoded-credential
  public static final String JSON_PROPERTY_THIRD_PARTY_TOKEN_INFO = "thirdPartyTokenInfo";
  // the jwt.io documentation sample (sub 1234567890, John Doe): a known example value
  // ok: pci-hardcoded-credential
  private static final String SAMPLE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  // a service's own signed token is a credential
  // ruleid: pci-hardcoded-credential
  private static final String SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMtcGF5bWVudHMiLCJyb2xlIjoiYWRtaW4ifQ.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";

  public String toString() {
    StringBuilder sb = new StringBuilder();
    // ok: pci-hardcoded-credential
    sb.append("    externalToken: ").append(toIndentedString(externalToken)).append("\n");
    return sb.toString();
  }
}
