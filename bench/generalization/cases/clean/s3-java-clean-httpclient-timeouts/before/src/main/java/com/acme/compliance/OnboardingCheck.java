package com.acme.compliance;

public class OnboardingCheck {
    public boolean allowed(String applicantJson) {
        return true;
    }
}
