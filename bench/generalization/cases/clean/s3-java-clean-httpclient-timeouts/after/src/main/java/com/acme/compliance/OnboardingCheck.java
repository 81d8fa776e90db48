package com.acme.compliance;

public class OnboardingCheck {
    private final ScreeningClient screening;

    public OnboardingCheck(ScreeningClient screening) {
        this.screening = screening;
    }

    public boolean allowed(String applicantJson) throws Exception {
        return !screening.isListed(applicantJson);
    }
}
