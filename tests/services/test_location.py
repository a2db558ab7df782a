"""The data folder on a network or cloud-synced drive is recognised; nested folders too."""

from __future__ import annotations

from pathlib import Path

from ddcheck.services.location import mount_type, network_reason, overlaps

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/team nfs4 rw 0 0
//nas/rvo /mnt/rvo\\040share cifs rw 0 0
user@host:/ /home/u/remote fuse.sshfs rw 0 0
"""


def test_the_mount_holding_a_path_gives_its_file_system_type() -> None:
    assert mount_type(Path("/mnt/team/ddcheck"), MOUNTS) == "nfs4"
    assert mount_type(Path("/mnt/rvo share/x"), MOUNTS) == "cifs"
    assert mount_type(Path("/mnt/teamwork"), MOUNTS) == "ext4"
    for path in ("/mnt/team/data", "/mnt/rvo share", "/home/u/remote/ws"):
        assert network_reason(Path(path), mounts=MOUNTS, platform="linux")
    assert network_reason(Path("/home/u/data"), mounts=MOUNTS, platform="linux") is None


def test_cloud_synced_folders_and_unc_paths_are_recognised_by_name() -> None:
    for path in ("/Users/an/OneDrive - RVO/ddcheck", "/home/an/Dropbox/x", "//server/share/x"):
        assert network_reason(Path(path), mounts="", platform="darwin")
    assert network_reason(Path("/Users/an/Documents/ddcheck"), mounts="", platform="darwin") is None


def test_folders_overlap_when_one_holds_the_other(tmp_path: Path) -> None:
    assert overlaps(tmp_path / "a", tmp_path / "a" / "b")
    assert overlaps(tmp_path / "a" / "b", tmp_path / "a")
    assert not overlaps(tmp_path / "a", tmp_path / "ab")
