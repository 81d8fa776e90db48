import os
import tarfile


def unpack_release(bundle, dest):
    with tarfile.open(bundle) as tar:
        for member in tar:
            # ruleid: sec-tar-member-traversal
            tar.extract(member, dest)


def import_backup(path, dest):
    archive = tarfile.open(path, "r:gz")
    for entry in archive.getmembers():
        # ruleid: sec-tar-member-traversal
        archive.extract(entry, path=dest)
    archive.close()


def unpack_checked(bundle, dest):
    root = os.path.realpath(dest)
    with tarfile.open(bundle) as tar:
        for member in tar:
            target = os.path.realpath(os.path.join(root, member.name))
            if os.path.commonpath([root, target]) != root or member.issym():
                continue
            # ok: sec-tar-member-traversal
            tar.extract(member, root)


def unpack_filtered(bundle, dest):
    with tarfile.open(bundle) as tar:
        for member in tar.getmembers():
            # ok: sec-tar-member-traversal
            tar.extract(member, dest, filter="data")
