# S002-static: a static Pod file on worker1: the mirror pod static-web-worker1 appears; kubectl delete brings it back; removing the file removes it
# zh: 在 worker1 上写静态 Pod 文件：出现镜像 Pod static-web-worker1；kubectl delete 后它又回来；删除文件后它消失
ssh worker1
cd /etc/kubernetes/manifests
cat <<EOF >static-web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - name: web
          containerPort: 80
          protocol: TCP
EOF
exit
sleep 21
kubectl get pod -o wide
kubectl delete pod static-web-worker1
sleep 3
kubectl get pod
ssh worker1
cd /etc/kubernetes/manifests
rm -rf static-web.yaml
exit
sleep 2
kubectl get pod
