# S001-pvc: a PVC is the request, a PV the volume that satisfies it; the default StorageClass provisions one when the first pod needs it
# zh: PVC 是存储请求，PV 是满足它的卷；默认 StorageClass 在第一个使用它的 Pod 出现时自动创建 PV
kubectl get storageclass
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF
sleep 2
# WaitForFirstConsumer: no volume yet, nobody uses the claim
kubectl get pvc data
kubectl describe pvc data
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "date > /data/first-boot; sleep 86400"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF
sleep 10
kubectl get pvc data
kubectl get pv
kubectl get pod writer -o wide
kubectl exec writer -- cat /data/first-boot
# the pod goes, the claim and its volume stay; a new pod finds the data
kubectl delete pod writer
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "86400"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF
sleep 40
kubectl get pod reader -o wide
kubectl exec reader -- cat /data/first-boot
# reclaimPolicy Delete: deleting the claim deletes the volume and its data
kubectl delete pod reader --grace-period=0 --force
kubectl delete pvc data
sleep 5
kubectl get pv
