def check_password(email, password):
    raise NotImplementedError


def login_user(user):
    raise NotImplementedError
