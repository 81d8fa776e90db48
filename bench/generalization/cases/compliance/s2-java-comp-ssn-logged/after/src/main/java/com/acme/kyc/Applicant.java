package com.acme.kyc;

public record Applicant(String id, String fullName, String ssn, String dateOfBirth) {}
