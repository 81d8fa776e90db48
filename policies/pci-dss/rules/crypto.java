import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

class CryptoUtil {
  byte[] run(String password, String pan, byte[] body, byte[] key) throws Exception {
    // ruleid: pci-weak-crypto-java
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    // ok: pci-weak-crypto-java
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    // ruleid: pci-weak-crypto-java
    Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
    // ok: pci-weak-crypto-java
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    // ruleid: pci-weak-crypto-java
    gen.initialize(1024);
    // ok: pci-weak-crypto-java
    gen.initialize(4096);

    // ruleid: pci-password-weak-hash
    byte[] pw = sha.digest(password.getBytes());
    // ok: pci-password-weak-hash
    byte[] other = sha.digest(body);
    // ruleid: pci-pan-unkeyed-hash
    byte[] panHash = sha.digest(pan.getBytes());
    // ok: pci-pan-unkeyed-hash
    byte[] panMac = Hmac.sign(key, pan);

    // ruleid: pci-crypto-key-hardcoded
    SecretKeySpec spec = new SecretKeySpec("0123456789abcdef".getBytes(), "AES");
    // ok: pci-crypto-key-hardcoded
    SecretKeySpec spec2 = new SecretKeySpec(key, "AES");
    return pw;
  }
}
