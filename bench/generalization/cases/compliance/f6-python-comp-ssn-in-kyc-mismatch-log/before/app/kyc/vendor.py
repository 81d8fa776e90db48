from dataclasses import dataclass, field


@dataclass
class VerificationResult:
    status: str
    reference: str
    mismatched_fields: list = field(default_factory=list)
