@Configuration
class SecurityConfig {
  SecurityFilterChain open(HttpSecurity http) throws Exception {
    // ruleid: pci-csrf-disabled-java
    http.csrf().disable();
    // ruleid: pci-authz-allow-all-java
    http.authorizeHttpRequests().anyRequest().permitAll();
    return http.build();
  }

  SecurityFilterChain lambdas(HttpSecurity http) throws Exception {
    // ruleid: pci-csrf-disabled-java
    http.csrf(csrf -> csrf.disable());
    // ruleid: pci-authz-allow-all-java
    http.authorizeHttpRequests().requestMatchers("/**").permitAll();
    return http.build();
  }

  SecurityFilterChain strict(HttpSecurity http) throws Exception {
    // ok: pci-csrf-disabled-java
    http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
    // ok: pci-authz-allow-all-java
    http.authorizeHttpRequests().requestMatchers("/public/**").permitAll();
    // ok: pci-authz-allow-all-java
    http.authorizeHttpRequests().anyRequest().authenticated();
    // ok: pci-csrf-disabled-java
    http.csrf(Customizer.withDefaults());
    return http.build();
  }
}
