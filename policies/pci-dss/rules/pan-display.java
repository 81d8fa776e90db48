class ReceiptController {
  String receipt(Model model, Payment payment) {
    // ruleid: pci-pan-unmasked-display
    model.addAttribute("card", payment.getCardNumber());
    // ok: pci-pan-unmasked-display
    model.addAttribute("card", CardMask.mask(payment.getCardNumber()));
    return "receipt";
  }

  String tail(String pan) {
    // ruleid: pci-pan-mask-too-wide-js
    return "****" + pan.substring(pan.length() - 6);
  }

  String tailOk(String pan) {
    // ok: pci-pan-mask-too-wide-js
    return "****" + pan.substring(pan.length() - 4);
  }
}
