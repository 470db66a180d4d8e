"""One validator per kind of form field (`Field.kind`), dispatched by `bot.intake.validation`.

- `common`: the FieldError helpers every validator uses (message plus the field's example);
- `identity`: who is asking: company name, contact person, credit code, phone;
- `loan`: the loan asked for: amount (万元) and term (months), with readings to confirm;
- `replies`: choices, yes/no, the free note and the consent.
"""
