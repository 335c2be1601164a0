"""The project example (examples/education_bureau_2023.py), for the tests that build it through the template."""

from examples.education_bureau_2023 import NUTRITION, SAFETY, education_bureau

__all__ = ["NUTRITION", "SAFETY", "education_bureau"]
