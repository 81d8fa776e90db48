import java.net.URI;

class IssuerClient {
  Object lookup(RestTemplate restTemplate, Card card) {
    // ruleid: pci-pan-in-url
    return restTemplate.getForObject("https://issuer.example.com/cards?pan=" + card.getPan(), Object.class);
  }

  URI build(Card card) {
    // ruleid: pci-pan-in-url
    return URI.create("https://issuer.example.com/cards/" + card.getCardNumber());
  }

  Object lookupSafe(RestTemplate restTemplate, Card card) {
    // ok: pci-pan-in-url
    return restTemplate.postForObject("https://issuer.example.com/cards", card.getCardNumber(), Object.class);
  }

  URI byToken(Card card) {
    // ok: pci-pan-in-url
    return URI.create("https://issuer.example.com/cards/" + card.getPanToken());
  }
}
