import java.security.cert.X509Certificate;
import javax.net.ssl.*;

// ruleid: pci-tls-verify-disabled-java
class TrustAll implements X509TrustManager {
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}
  public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
}

// ok: pci-tls-verify-disabled-java
class PinningTrustManager implements X509TrustManager {
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    pins.check(chain[0]);
  }
  public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
}

class Clients {
  CloseableHttpClient build() throws Exception {
    // ruleid: pci-tls-verify-disabled-java
    return HttpClients.custom().setSSLHostnameVerifier(new NoopHostnameVerifier()).build();
  }

  CloseableHttpClient buildStrict() throws Exception {
    // ok: pci-tls-verify-disabled-java
    return HttpClients.custom().setSSLHostnameVerifier(new DefaultHostnameVerifier()).build();
  }

  SSLContext legacy() throws Exception {
    // ruleid: pci-tls-weak-protocol-java
    return SSLContext.getInstance("TLSv1");
  }

  SSLContext legacy2() throws Exception {
    // ruleid: pci-tls-weak-protocol-java
    return SSLContext.getInstance("SSLv3");
  }

  SSLContext modern() throws Exception {
    // ok: pci-tls-weak-protocol-java
    return SSLContext.getInstance("TLSv1.3");
  }

  SSLContext modern2() throws Exception {
    // ok: pci-tls-weak-protocol-java
    return SSLContext.getInstance("TLSv1.2");
  }

  // ruleid: pci-tls-verify-disabled-java
  private static final X509TrustManager ACCEPT_ALL = new X509TrustManager() {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  };

  // ok: pci-tls-verify-disabled-java
  private final X509TrustManager pinned = new X509TrustManager() {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
      delegate.checkServerTrusted(chain, authType);
      pins.verify(chain[0]);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  };
}
