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
}
