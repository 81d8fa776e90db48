class AuthService {
  boolean check(String token) {
    // ruleid: soc2-cc7.2-swallowed-error-java
    try {
      verifier.verify(token);
    } catch (JWTVerificationException e) {}
    // ruleid: soc2-cc7.2-swallowed-error-java
    try {
      byte[] plain = cipher.decrypt(blob);
    } catch (GeneralSecurityException e) {}
    // ok: soc2-cc7.2-swallowed-error-java
    try {
      verifier.verify(token);
    } catch (JWTVerificationException e) {
      audit.failure("token", e.getMessage());
      return false;
    }
    // ok: soc2-cc7.2-swallowed-error-java
    try {
      cache.warm();
    } catch (Exception e) {}
    return true;
  }
}
