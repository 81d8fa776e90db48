import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PaymentService {
  private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

  void authorize(PaymentRequest request) {
    // ruleid: pci-pan-logged
    log.info("authorizing card {}", request.getCardNumber());
    // ok: pci-pan-logged
    log.info("authorizing card {}", Masking.maskPan(request.getCardNumber()));
    String pan = request.getCardNumber();
    // ok: pci-pan-logged
    log.info("authorizing card ending {}", pan.substring(pan.length() - 4));
    if (request.getCvv() == null) {
      // ruleid: pci-pan-logged
      throw new IllegalArgumentException("no cvv for " + pan);
    }
    // ruleid: pci-sad-logged
    System.out.println("cvv " + request.getCvv());
  }

  void validate(Card card) {
    if (!Luhn.isValid(card.getNumber())) {
      // ruleid: pci-pan-logged
      throw new CardDeclinedException("Card failed checksum: " + card.getNumber());
    }
    // ruleid: pci-pan-logged
    log.warn("expired card {}", order.getPaymentCard().getNumber());
    // ok: pci-pan-logged
    log.info("card ending {}", Masking.last4(card.getNumber()));
    // ok: pci-pan-logged
    log.info("gift card {} redeemed", giftCard.getNumber());
    // ok: pci-pan-logged
    throw new CardDeclinedException("order " + order.getNumber() + " declined");
  }
}
