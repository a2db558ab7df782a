"""Small reusable widgets: answer editors, risk, evidence, country picker, heat map."""
