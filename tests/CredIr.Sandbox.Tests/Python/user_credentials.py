"""A user's other credentials through boto3: each blocks DeleteUser until removed; an enabled virtual MFA device cannot be deleted."""
from common import client, emit, error

iam = client("iam")
result = {}
iam.create_user(UserName="holder")
ssh = iam.upload_ssh_public_key(UserName="holder", SSHPublicKeyBody="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0holder holder@example")["SSHPublicKey"]
cert = iam.upload_signing_certificate(UserName="holder", CertificateBody="-----BEGIN CERTIFICATE-----\nMIIBholder\n-----END CERTIFICATE-----")["Certificate"]
cred = iam.create_service_specific_credential(UserName="holder", ServiceName="codecommit.amazonaws.com")["ServiceSpecificCredential"]
device = iam.create_virtual_mfa_device(VirtualMFADeviceName="holder")["VirtualMFADevice"]
iam.enable_mfa_device(UserName="holder", SerialNumber=device["SerialNumber"], AuthenticationCode1="123456", AuthenticationCode2="654321")
result["sshId"] = ssh["SSHPublicKeyId"]
result["sshListed"] = [k["SSHPublicKeyId"] for k in iam.list_ssh_public_keys(UserName="holder")["SSHPublicKeys"]]
result["certListed"] = [c["CertificateId"] for c in iam.list_signing_certificates(UserName="holder")["Certificates"]]
result["certId"] = cert["CertificateId"]
result["credHasPassword"] = bool(cred.get("ServicePassword"))
result["credServiceUserName"] = cred["ServiceUserName"]
result["credListed"] = [c["ServiceSpecificCredentialId"] for c in iam.list_service_specific_credentials(UserName="holder")["ServiceSpecificCredentials"]]
result["devicesAssigned"] = [d["SerialNumber"] for d in iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]]
result["deviceInUse"] = error(lambda: iam.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"]))
conflicts = [error(lambda: iam.delete_user(UserName="holder"))]
iam.deactivate_mfa_device(UserName="holder", SerialNumber=device["SerialNumber"])
iam.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"])
conflicts.append(error(lambda: iam.delete_user(UserName="holder")))
iam.delete_signing_certificate(UserName="holder", CertificateId=cert["CertificateId"])
conflicts.append(error(lambda: iam.delete_user(UserName="holder")))
iam.delete_ssh_public_key(UserName="holder", SSHPublicKeyId=ssh["SSHPublicKeyId"])
conflicts.append(error(lambda: iam.delete_user(UserName="holder")))
iam.delete_service_specific_credential(UserName="holder", ServiceSpecificCredentialId=cred["ServiceSpecificCredentialId"])
result["conflicts"] = conflicts
result["deleted"] = error(lambda: iam.delete_user(UserName="holder"))
result["deviceGone"] = error(lambda: iam.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"]))
emit(result)
