import javax.persistence.Entity;
import javax.persistence.Transient;

@Entity
class CardEntity {
  // ruleid: pci-sad-stored-model-java
  private String cvv;
  // ruleid: pci-sad-stored-model-java
  private String pinBlock;
  // ok: pci-sad-stored-model-java
  @Transient
  private String cvc;
  // ok: pci-sad-stored-model-java
  private String last4;
}

class CheckoutController {
  void remember(HttpSession session, CheckoutForm form, JdbcTemplate jdbc) {
    // ruleid: pci-sad-stored
    session.setAttribute("cvv", form.getCvv());
    // ok: pci-sad-stored
    session.setAttribute("step", form.getStep());
    // ruleid: pci-pan-stored-cleartext
    jdbc.update("INSERT INTO cards (pan) VALUES (?)", form.getCardNumber());
    // ok: pci-pan-stored-cleartext
    jdbc.update("INSERT INTO cards (token) VALUES (?)", vault.tokenize(form.getCardNumber()));
  }
}
