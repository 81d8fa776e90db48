@RestController
class CardController {
  // ruleid: soc2-cc6.6-exposed-surface-java
  @CrossOrigin(origins = "*")
  @GetMapping("/cards")
  List<Card> cards() { return service.cards(); }

  // ok: soc2-cc6.6-exposed-surface-java
  @CrossOrigin(origins = "https://shop.example.com")
  @GetMapping("/orders")
  List<Order> orders() { return service.orders(); }
}

class WebConfig implements WebMvcConfigurer {
  public void addCorsMappings(CorsRegistry registry) {
    // ruleid: soc2-cc6.6-exposed-surface-java
    registry.addMapping("/**").allowedOrigins("*");
    // ok: soc2-cc6.6-exposed-surface-java
    registry.addMapping("/api/**").allowedOrigins("https://shop.example.com");
  }
}
