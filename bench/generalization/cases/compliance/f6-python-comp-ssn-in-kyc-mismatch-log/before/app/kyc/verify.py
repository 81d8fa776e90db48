import logging

from .vendor import VerificationResult

log = logging.getLogger("kyc")


class IdentityVerifier:
    def __init__(self, vendor, applications):
        self.vendor = vendor
        self.applications = applications

    def verify(self, applicant) -> VerificationResult:
        result = self.vendor.verify_identity(
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            date_of_birth=applicant.date_of_birth,
            ssn=applicant.ssn,
            address=applicant.address,
        )
        self.applications.record_kyc(applicant.id, result.status, result.reference)
        return result
